package dev.ramp.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a view, as coloured pieces; cut to the width on the text alone, so that ANSI codes
 * never count and never get cut in half.
 */
public final class Line {
  private record Piece(String text, Color color) {}

  private final List<Piece> pieces = new ArrayList<>();

  public Line add(String text) {
    return add(text, Color.NONE);
  }

  public Line add(String text, Color color) {
    if (!text.isEmpty()) {
      pieces.add(new Piece(text, color));
    }
    return this;
  }

  /** The text's length without colour. */
  public int length() {
    return pieces.stream().mapToInt(p -> p.text.codePointCount(0, p.text.length())).sum();
  }

  /** The line in this style: cut to its width (an ellipsis marks the cut), coloured if it colours. */
  public String render(Style style) {
    int room = style.width();
    boolean cut = length() > room;
    if (cut) {
      room -= style.ellipsis().length();
    }
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      if (room <= 0) {
        break;
      }
      String text = piece.text;
      int count = text.codePointCount(0, text.length());
      if (count > room) {
        text = text.substring(0, text.offsetByCodePoints(0, room));
        count = room;
      }
      room -= count;
      if (style.color() && piece.color != Color.NONE) {
        out.append(piece.color.start()).append(text).append(Color.RESET);
      } else {
        out.append(text);
      }
    }
    if (cut) {
      out.append(style.ellipsis());
    }
    return stripTrailing(out.toString());
  }

  private static String stripTrailing(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(0, end);
  }
}
