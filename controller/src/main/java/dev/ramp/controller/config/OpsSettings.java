package dev.ramp.controller.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The operations endpoint ({@code ramp.controller.ops.*}): Prometheus metrics on {@code /metrics},
 * liveness on {@code /healthz}, readiness on {@code /readyz}.
 *
 * @param enabled serve the endpoint
 * @param port the port; 0 picks a free one
 */
@ConfigurationProperties("ramp.controller.ops")
public record OpsSettings(@Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "8090") int port) {}
