package dev.ramp.cli.render;

/** The few colours the views use, as ANSI SGR codes. */
public enum Color {
  NONE(""),
  BOLD("1"),
  DIM("2"),
  RED("31"),
  GREEN("32"),
  YELLOW("33"),
  BLUE("34"),
  CYAN("36");

  private final String sgr;

  Color(String sgr) {
    this.sgr = sgr;
  }

  String start() {
    return sgr.isEmpty() ? "" : "\033[" + sgr + "m";
  }

  static final String RESET = "\033[0m";
}
