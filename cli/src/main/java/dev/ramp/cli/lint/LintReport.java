package dev.ramp.cli.lint;

import java.util.List;

/**
 * What lint found in a set of files.
 *
 * @param checked Ramp objects checked
 * @param skipped objects of other kinds (Services, ...), which lint leaves to the API server
 */
public record LintReport(List<Finding> findings, int checked, int skipped) {
  public LintReport {
    findings = List.copyOf(findings);
  }

  public long errors() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
  }

  public long warnings() {
    return findings.size() - errors();
  }

  /** {@code 3 objects checked: 2 errors, 1 warning}. */
  public String summary() {
    String objects = checked + (checked == 1 ? " Ramp object" : " Ramp objects") + " checked";
    String others = skipped == 0 ? "" : " (" + skipped + " of other kinds not checked)";
    if (findings.isEmpty()) {
      return objects + others + ": no problems";
    }
    return objects + others + ": " + plural(errors(), "error") + ", " + plural(warnings(), "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
