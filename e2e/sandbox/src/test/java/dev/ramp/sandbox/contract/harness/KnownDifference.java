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
  SERVER_SIDE_APPLY_ON_CONFIG_MAP(
      "P2", "server-side apply on a ConfigMap", "415 UnsupportedMediaType", Why.SERVER_SIDE_APPLY),
  SERVER_SIDE_APPLY_CONFLICT(
      "P3", "server-side apply by a second field manager without force", "415 UnsupportedMediaType (no 409 conflict)",
      Why.SERVER_SIDE_APPLY),
  SERVER_SIDE_APPLY_ON_CUSTOM_RESOURCE(
      "P6", "server-side apply on a custom resource", "415 UnsupportedMediaType", Why.SERVER_SIDE_APPLY),
  NO_APPLY_MANAGED_FIELDS(
      "P7", "metadata.managedFields after create + apply", "no Apply entry (apply is 415)", Why.SERVER_SIDE_APPLY),
  SERVER_SIDE_APPLY_ON_VIRTUAL_SERVICE(
      "V8", "server-side apply on a VirtualService", "415 UnsupportedMediaType", Why.SERVER_SIDE_APPLY);

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

  private static final class Why {
    static final String SERVER_SIDE_APPLY =
        "server-side apply needs field ownership tracking (structured-merge-diff) for every type; Ramp writes with"
            + " merge and JSON patches and PUT, so the sandbox refuses apply clearly rather than merging wrongly";
  }
}
