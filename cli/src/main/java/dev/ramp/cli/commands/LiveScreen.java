package dev.ramp.cli.commands;

import java.io.PrintWriter;
import java.util.List;

/**
 * Draws frames of a live view. On a terminal each frame replaces the previous one in place (cursor
 * up over the old frame, clear below), cut to the terminal's height; elsewhere a frame is only
 * printed whole, and changes in between as one line each, so that a log stays readable.
 */
final class LiveScreen {
  private static final String CLEAR_BELOW = "\033[J";

  private final PrintWriter out;
  private final boolean inPlace;
  private final int height;
  private int drawnLines;

  LiveScreen(PrintWriter out, boolean inPlace, int height) {
    this.out = out;
    this.inPlace = inPlace;
    this.height = height;
  }

  /** Replaces the frame on screen (terminal), or prints it (plain). */
  void frame(String frame) {
    List<String> lines = frame.lines().toList();
    if (inPlace) {
      int room = Math.max(5, height - 1);
      if (lines.size() > room) {
        lines = new java.util.ArrayList<>(lines.subList(0, room - 1));
        lines.add("(more below: enlarge the terminal to see it all)");
      }
      StringBuilder text = new StringBuilder();
      if (drawnLines > 0) {
        text.append("\033[").append(drawnLines).append('F');
      }
      text.append(CLEAR_BELOW);
      for (String line : lines) {
        text.append(line).append('\n');
      }
      out.print(text);
      drawnLines = lines.size();
    } else {
      lines.forEach(out::println);
    }
    out.flush();
  }

  /** A line under the frame in plain mode; in place, part of the next frame instead. */
  void note(String line) {
    out.println(line);
    out.flush();
  }

  boolean inPlace() {
    return inPlace;
  }
}
