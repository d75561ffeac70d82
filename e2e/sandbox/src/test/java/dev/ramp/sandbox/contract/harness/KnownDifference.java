package dev.ramp.sandbox.contract.harness;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every row where the sandbox answers differently from a real kube-apiserver on purpose, with the
 * sandbox's answer and why. A test that meets one asks {@link Contract#sandboxDiffersOn}: on the sandbox
 * it asserts the answer named here, on a real cluster the real one. e2e/sandbox/CONTRACT.md lists the
 * same table ({@link #markdownTable()}); a test keeps the two in step.
 *
 * <p>Only deliberate differences belong here, never "not done yet".
 */
public enum KnownDifference {
  NO_MANAGED_FIELDS(
      "P7",
      "metadata.managedFields after create + apply",
      "apply answers as a real server (200), but objects carry no metadata.managedFields",
      "the sandbox tracks apply ownership internally, only as far as P3's conflicts need; Ramp, client-java's"
          + " informers and kubectl ramp never read managedFields, and reproducing its fieldsV1 encoding and"
          + " timestamps for every write would buy them nothing");

  private final String row;
  private final String behaviour;
  private final String sandboxAnswer;
  private final String why;

  KnownDifference(String row, String behaviour, String sandboxAnswer, String why) {
    this.row = row;
    this.behaviour = behaviour;
    this.sandboxAnswer = sandboxAnswer;
    this.why = why;
  }

  public String row() {
    return row;
  }

  public String behaviour() {
    return behaviour;
  }

  public String sandboxAnswer() {
    return sandboxAnswer;
  }

  public String why() {
    return why;
  }

  /** The list as a Markdown table, the form CONTRACT.md carries. */
  public static String markdownTable() {
    return "| row | behaviour | sandbox answers | why |\n|---|---|---|---|\n"
        + Arrays.stream(values())
            .map(d -> "| " + d.row + " | " + d.behaviour + " | " + d.sandboxAnswer + " | " + d.why + " |")
            .collect(Collectors.joining("\n"))
        + "\n";
  }

  /** Prints the list: {@code java ... KnownDifference} from the test classpath. */
  public static void main(String[] args) {
    System.out.print(markdownTable());
  }
}
