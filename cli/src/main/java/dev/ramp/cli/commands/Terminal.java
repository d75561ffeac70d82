package dev.ramp.cli.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether output goes to a person's terminal (then the live view redraws in place, in colour) and
 * how big it is. Without a terminal, output is plain text a log can keep.
 *
 * @param interactive stdout (and stdin) are a terminal
 * @param width columns; {@code COLUMNS} or the terminal's size, else 100
 * @param height rows, else 40
 * @param utf8 the locale's character set is UTF-8 (LC_ALL, LC_CTYPE, LANG), so symbols like ✔ show
 */
public record Terminal(boolean interactive, int width, int height, boolean utf8) {

  public static Terminal plain(int width) {
    return new Terminal(false, width, 40, false);
  }

  /** This process's terminal, if any; its size from {@code COLUMNS}/{@code LINES} or {@code stty size}. */
  public static Terminal detect(Map<String, String> env) {
    boolean interactive = System.console() != null && !"dumb".equals(env.get("TERM"));
    int width = number(env.get("COLUMNS")).orElse(0);
    int height = number(env.get("LINES")).orElse(0);
    if (interactive && (width == 0 || height == 0)) {
      int[] size = sttySize();
      width = width == 0 ? size[1] : width;
      height = height == 0 ? size[0] : height;
    }
    String locale = env.getOrDefault("LC_ALL", env.getOrDefault("LC_CTYPE", env.getOrDefault("LANG", "")));
    boolean utf8 = locale.toUpperCase(java.util.Locale.ROOT).replace("-", "").contains("UTF8");
    return new Terminal(interactive, width > 0 ? width : 100, height > 0 ? height : 40, utf8);
  }

  /** The style a view is drawn in: colour and symbols on a terminal, plain text otherwise. */
  public dev.ramp.cli.render.Style style(boolean noColorFlag, Map<String, String> env) {
    return colors(noColorFlag, env) ? new dev.ramp.cli.render.Style(true, utf8, width)
        : dev.ramp.cli.render.Style.plain(width);
  }

  /** Colour on a terminal, unless {@code --no-color} or {@code NO_COLOR} (no-color.org) says otherwise. */
  public boolean colors(boolean noColorFlag, Map<String, String> env) {
    return interactive && !noColorFlag && env.getOrDefault("NO_COLOR", "").isEmpty();
  }

  private static Optional<Integer> number(String text) {
    try {
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {rows, columns} from {@code stty size < /dev/tty}; zeros when that does not work. */
  private static int[] sttySize() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
      if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        p.destroy();
        return new int[] {0, 0};
      }
      String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
      if (parts.length == 2) {
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      }
    } catch (IOException | NumberFormatException e) {
      // no size: the defaults do
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new int[] {0, 0};
  }
}
