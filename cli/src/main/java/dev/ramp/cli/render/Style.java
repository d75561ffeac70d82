package dev.ramp.cli.render;

/**
 * How a view is drawn: colour (ANSI, only on a terminal and without {@code --no-color}), Unicode
 * symbols or ASCII ones, and the width lines are cut to.
 */
public record Style(boolean color, boolean unicode, int width) {

  public static final int DEFAULT_WIDTH = 100;

  public Style {
    width = Math.max(20, width);
  }

  /** Plain text: no colour, ASCII symbols; what a pipe or a CI log gets. */
  public static Style plain(int width) {
    return new Style(false, false, width);
  }

  /** A terminal's: colour and Unicode. */
  public static Style terminal(int width) {
    return new Style(true, true, width);
  }

  String done() {
    return unicode ? "✔" : "[x]";
  }

  String current() {
    return unicode ? "▶" : "[>]";
  }

  String paused() {
    return unicode ? "॥" : "[=]";
  }

  String failed() {
    return unicode ? "✖" : "[!]";
  }

  String pending() {
    return unicode ? "○" : "[ ]";
  }

  char barFull() {
    return unicode ? '█' : '#';
  }

  char barEmpty() {
    return unicode ? '░' : '.';
  }

  String ellipsis() {
    return unicode ? "…" : "~";
  }
}
