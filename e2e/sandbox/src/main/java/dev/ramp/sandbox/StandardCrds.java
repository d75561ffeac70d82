package dev.ramp.sandbox;

import dev.ramp.api.RampKind;
import dev.ramp.api.crd.Crds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The CRDs the test harnesses and the demo install: Ramp's own, as ramp-api ships them, and Istio's
 * networking CRDs (VirtualService, DestinationRule) as far as Ramp touches them. One copy of each, so
 * that every harness's cluster serves the same kinds.
 */
public final class StandardCrds {
  private static final String ISTIO_RESOURCE = "istio-networking-crds.yaml";

  private StandardCrds() {}

  /** Ramp's CRDs, one YAML document each, in {@link RampKind} order. */
  public static List<String> rampYaml() {
    return Arrays.stream(RampKind.values()).map(Crds::yaml).toList();
  }

  /**
   * Istio's VirtualService and DestinationRule CRDs as one multi-document YAML: schemaless
   * (preserve-unknown-fields), served in v1alpha3, v1beta1 (stored) and v1.
   */
  public static String istioYaml() {
    try (InputStream in = StandardCrds.class.getResourceAsStream(ISTIO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ISTIO_RESOURCE + " is not on the classpath next to "
            + StandardCrds.class.getName() + " (ramp-sandbox ships it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ISTIO_RESOURCE, e);
    }
  }

  /** Applies Ramp's CRDs to the sandbox, which serves them at once; returns the sandbox. */
  public static Sandbox installRamp(Sandbox sandbox) {
    rampYaml().forEach(sandbox::applyText);
    return sandbox;
  }

  /** Applies Istio's networking CRDs to the sandbox; returns the sandbox. */
  public static Sandbox installIstio(Sandbox sandbox) {
    sandbox.applyText(istioYaml());
    return sandbox;
  }
}
