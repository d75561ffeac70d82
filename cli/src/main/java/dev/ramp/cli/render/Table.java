package dev.ramp.cli.render;

import java.util.ArrayList;
import java.util.List;

/** Columns aligned as kubectl aligns them: a header, cells padded to the widest, two spaces between. */
public final class Table {
  /** A cell and its colour. */
  public record Cell(String text, Color color) {
    public static Cell of(String text) {
      return new Cell(text, Color.NONE);
    }
  }

  private final List<String> header;
  private final List<List<Cell>> rows = new ArrayList<>();
  private final String indent;

  public Table(String indent, List<String> header) {
    this.indent = indent;
    this.header = List.copyOf(header);
  }

  public Table row(List<Cell> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  public Table row(String... cells) {
    List<Cell> row = new ArrayList<>();
    for (String cell : cells) {
      row.add(Cell.of(cell));
    }
    return row(row);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public List<Line> lines() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
    }
    for (List<Cell> row : rows) {
      for (int i = 0; i < row.size() && i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row.get(i).text().codePointCount(0, row.get(i).text().length()));
      }
    }
    List<Line> lines = new ArrayList<>();
    Line head = new Line().add(indent);
    for (int i = 0; i < header.size(); i++) {
      head.add(pad(header.get(i), widths[i], i == header.size() - 1), Color.DIM);
    }
    lines.add(head);
    for (List<Cell> row : rows) {
      Line line = new Line().add(indent);
      for (int i = 0; i < row.size() && i < widths.length; i++) {
        Cell cell = row.get(i);
        boolean last = i == row.size() - 1;
        line.add(cell.text(), cell.color());
        if (!last) {
          line.add(" ".repeat(widths[i] - cell.text().codePointCount(0, cell.text().length()) + 2));
        }
      }
      lines.add(line);
    }
    return lines;
  }

  private static String pad(String text, int width, boolean last) {
    return last ? text : text + " ".repeat(width - text.length() + 2);
  }
}
