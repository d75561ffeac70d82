package dev.ramp.sandbox.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusBinaryTest {

  @TempDir Path home;

  private static Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void withoutABinaryTheMessageSaysHowToInstallOne() {
    assertThatThrownBy(() -> PrometheusServer.findBinary(Map.of("PATH", "/nonexistent")::get, home.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("run .ci/install-prometheus")
        .hasMessageContaining(home.resolve(".cache/ramp/prometheus/usr/bin/prometheus").toString())
        .hasMessageContaining("PROMETHEUS_BIN");
  }

  @Test
  void prefersPrometheusBinThenPathThenTheInstalledCopy() throws Exception {
    Path installed = executable(home.resolve(".cache/ramp/prometheus/usr/bin/prometheus"));
    Path onPath = executable(home.resolve("bin/prometheus"));
    Path explicit = executable(home.resolve("elsewhere/prom"));

    assertThat(PrometheusServer.findBinary(Map.of("PATH", "/nonexistent")::get, home.toString())).isEqualTo(installed);
    assertThat(PrometheusServer.findBinary(Map.of("PATH", "/x:" + onPath.getParent())::get, home.toString()))
        .isEqualTo(onPath);
    assertThat(PrometheusServer.findBinary(
        Map.of("PATH", onPath.getParent().toString(), "PROMETHEUS_BIN", explicit.toString())::get, home.toString()))
        .isEqualTo(explicit);
  }

  @Test
  void aPrometheusBinThatIsNoExecutableIsAnError() {
    assertThatThrownBy(() -> PrometheusServer.findBinary(Map.of("PROMETHEUS_BIN", "/no/such/prometheus")::get, "/"))
        .hasMessage("PROMETHEUS_BIN=/no/such/prometheus is not an executable file");
  }
}
