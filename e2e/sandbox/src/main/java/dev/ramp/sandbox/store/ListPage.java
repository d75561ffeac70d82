package dev.ramp.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a LIST: the stored objects (shared, read-only), the store's resourceVersion, the key the
 * next page starts after (empty on the last page) and how many matching items remain after this page
 * when that is known.
 */
public record ListPage(List<ObjectNode> items, long resourceVersion, String nextKey, OptionalLong remaining) {}
