package dev.ramp.controller.analysis;

import java.util.Map;
import java.util.Optional;

/**
 * Reads Secrets for an AnalysisRun's args and Prometheus credentials, at measurement time, so that no
 * secret value is ever copied into a run's spec or status.
 */
@FunctionalInterface
public interface SecretSource {

  /**
   * The Secret's data, decoded; empty when the Secret does not exist.
   *
   * @throws dev.ramp.controller.kube.KubeApiException when the API server cannot say (it is tried again
   *     later; a missing Secret is not an error of the server)
   */
  Optional<Map<String, String>> data(String namespace, String name);
}
