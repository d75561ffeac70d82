package dev.ramp.analysis.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Credentials for Prometheus, already resolved (reading them from a Secret is the controller's job).
 * {@code toString} never shows a secret, so a logged query does not leak it.
 */
public sealed interface PrometheusAuth {

  /** The value of the {@code Authorization} header, if any. */
  Optional<String> authorizationHeader();

  /** No credentials. */
  static PrometheusAuth none() {
    return None.INSTANCE;
  }

  /** No credentials. */
  enum None implements PrometheusAuth {
    INSTANCE;

    @Override
    public Optional<String> authorizationHeader() {
      return Optional.empty();
    }
  }

  /** {@code Authorization: Bearer <token>}. */
  record BearerToken(String token) implements PrometheusAuth {
    @Override
    public Optional<String> authorizationHeader() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "BearerToken[token=<redacted>]";
    }
  }

  /** HTTP basic authentication. */
  record Basic(String username, String password) implements PrometheusAuth {
    @Override
    public Optional<String> authorizationHeader() {
      String pair = username + ":" + password;
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=<redacted>]";
    }
  }
}
