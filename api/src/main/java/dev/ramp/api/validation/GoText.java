package dev.ramp.api.validation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints values the way kube-apiserver's Go code does ({@code %q}, {@code %v}, {@code %#v}), because
 * the sandbox hands our messages to clients that compare them with a real server's.
 */
final class GoText {

  private GoText() {}

  /** Go's {@code strconv.Quote}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        default -> {
          if (cp < ' ' || cp == 0x7F) {
            out.append(String.format("\\x%02x", cp));
          } else if (isPrintable(cp)) {
            out.appendCodePoint(cp);
          } else if (cp < 0x10000) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.append(String.format("\\U%08x", cp));
          }
        }
      }
    });
    return out.append('"').toString();
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
          Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /**
   * Go's {@code %v} of a float64, which is {@code strconv.FormatFloat(v, 'g', -1, 64)}: the shortest
   * digits, in exponent form when the decimal exponent is below -4 or at least 6 ({@code 1e+06}).
   */
  static String formatFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - d.scale() - 1;
    String sign = v < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      StringBuilder out = new StringBuilder(sign).append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      int absExp = Math.abs(exp);
      if (absExp < 10) {
        out.append('0');
      }
      return out.append(absExp).toString();
    }
    return sign + d.toPlainString();
  }

  /** Go's {@code %v} of a decoded JSON number: int64 or float64. */
  static String formatNumber(Object n) {
    return n instanceof Double d ? formatFloat(d) : String.valueOf(n);
  }

  /**
   * The "value" part of a field error as {@code field.Error.ErrorBody} prints it: strings quoted,
   * numbers and booleans bare, null as {@code "null"}, maps and lists in Go syntax.
   */
  static String badValue(Object value) {
    if (value == null) {
      return "\"null\"";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    return sharpV(value);
  }

  /** Go's {@code %#v} of a decoded JSON value ({@code map[string]interface {}{"a":1}}). */
  static String sharpV(Object value) {
    if (value == null) {
      return "interface {}(nil)";
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Double d) {
      return formatFloat(d);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("map[string]interface {}{");
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        out.append(quote(String.valueOf(e.getKey()))).append(':').append(sharpV(e.getValue()));
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[]interface {}{");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(sharpV(list.get(i)));
      }
      return out.append('}').toString();
    }
    return String.valueOf(value);
  }
}
