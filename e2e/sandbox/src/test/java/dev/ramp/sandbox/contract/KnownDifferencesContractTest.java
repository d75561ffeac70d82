package dev.ramp.sandbox.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ramp.sandbox.contract.harness.KnownDifference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The list of deliberate differences is one list: the enum, and CONTRACT.md which shows it to people. */
class KnownDifferencesContractTest {

  @Test
  @DisplayName("CONTRACT.md lists every known difference exactly as KnownDifference does")
  void contractDocumentListsEveryKnownDifference() throws IOException {
    String document = Files.readString(Path.of("CONTRACT.md"));
    assertThat(document)
        .as("e2e/sandbox/CONTRACT.md must carry KnownDifference.markdownTable():%n%s", KnownDifference.markdownTable())
        .contains(KnownDifference.markdownTable());
  }

  @Test
  @DisplayName("each known difference names one row id, and no row twice")
  void everyDifferenceNamesOneRow() {
    assertThat(Arrays.stream(KnownDifference.values()).map(KnownDifference::row))
        .doesNotHaveDuplicates()
        .allSatisfy(row -> assertThat(row).matches("[A-Z]+\\d+[a-z]?"));
  }
}
