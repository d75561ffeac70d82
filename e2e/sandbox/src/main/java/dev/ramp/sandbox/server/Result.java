package dev.ramp.sandbox.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A successful write: HTTP code, body, and the Warning headers to send. */
public record Result(int code, ObjectNode body, List<String> warnings) {
  public Result(int code, ObjectNode body) {
    this(code, body, List.of());
  }
}
