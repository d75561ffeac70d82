package dev.ramp.sandbox.http;

import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * /openapi/v2 as kubectl downloads it: gnostic's openapi_v2.Document in protobuf. The document only
 * has one PATCH operation per kind, carrying {@code x-kubernetes-group-version-kind} and the
 * {@code fieldValidation} query parameter: enough for kubectl to leave field validation to the server
 * (and to find no schemas, so it validates nothing itself).
 */
final class OpenApiV2 {
  static final String PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  private OpenApiV2() {}

  static byte[] document(TypeRegistry registry) {
    Proto paths = new Proto();
    for (ResourceType type : registry.all()) {
      String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
      String path = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
      Proto operation = new Proto()
          .string(5, "patch" + type.kind())
          .string(7, "application/json-patch+json")
          .string(7, "application/merge-patch+json")
          .string(7, "application/apply-patch+yaml");
      for (String parameter : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
        Proto query = new Proto().string(2, "query").string(4, parameter)
            .string(6, parameter.equals("force") ? "boolean" : "string");
        operation.message(8, new Proto().message(1, new Proto().message(2, new Proto().message(3, query))));
      }
      operation.message(9, new Proto().message(1, new Proto().string(1, "200")
          .message(2, new Proto().message(1, new Proto().string(1, "OK")))));
      String gvk = "group: \"" + type.group() + "\"\nkind: " + type.kind() + "\nversion: " + type.version() + "\n";
      operation.message(13, new Proto().string(1, "x-kubernetes-group-version-kind")
          .message(2, new Proto().string(2, gvk)));
      operation.message(13, new Proto().string(1, "x-kubernetes-action").message(2, new Proto().string(2, "patch\n")));
      paths.message(2, new Proto().string(1, path).message(2, new Proto().message(8, operation)));
    }
    return new Proto()
        .string(1, "2.0")
        .message(2, new Proto().string(1, "Kubernetes").string(2, "v1.28.7"))
        .message(8, paths)
        .bytes();
  }

  /** Just enough of the protobuf wire format: length-delimited fields. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto string(int field, String value) {
      return raw(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      return raw(field, message.bytes());
    }

    private Proto raw(int field, byte[] value) {
      varint((long) field << 3 | 2);
      varint(value.length);
      out.writeBytes(value);
      return this;
    }

    private void varint(long value) {
      long rest = value;
      while ((rest & ~0x7FL) != 0) {
        out.write((int) ((rest & 0x7F) | 0x80));
        rest >>>= 7;
      }
      out.write((int) rest);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
