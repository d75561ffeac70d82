package dev.ramp.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.registry.ResourceType;
import java.util.List;
import java.util.OptionalLong;

/**
 * A LIST answer before serialization: stored items (shared, read-only) to be presented in
 * {@code type}'s version, the list's resourceVersion and pagination.
 */
public record ListResult(ResourceType type, List<ObjectNode> items, long resourceVersion, String continueToken,
    OptionalLong remainingItemCount) {}
