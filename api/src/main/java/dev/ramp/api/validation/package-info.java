/**
 * Custom resources checked against their CRD exactly as kube-apiserver v1.28 checks them: pruning,
 * defaulting, OpenAPI validation and {@code x-kubernetes-validations} CEL rules, with the server's
 * messages.
 *
 * <h2>In an API server (the sandbox)</h2>
 *
 * <pre>{@code
 * // when a CRD is applied (SchemaException = the 422 a server answers to a bad CRD)
 * CustomResourceDefinitions crds = CustomResourceDefinitions.parse(crdYaml, "request body");
 * CustomResourceDefinition crd = crds.all().get(0);
 * StructuralSchema schema = crd.version("v1").orElseThrow().schema();
 *
 * // on every create/update of a custom resource (body: the decoded ObjectNode)
 * List<String> unknown = schema.pruneAndDefault(body);      // Warning: 299 - "unknown field \"spec.bogus\""
 * List<FieldError> errors = schema.validate(body, oldOrNull, metadataErrors);
 * // on PUT/PATCH .../status: paths relative to status, as the server reports them
 * List<FieldError> statusErrors = schema.validateStatus(body, old, metadataErrors);
 * if (!errors.isEmpty()) {
 *   // 422 Invalid, reason "Invalid", details.causes[i] = {reason: e.type(), message: e.body(), field: e.field()}
 *   String message = FieldError.invalidMessage(crd.qualifiedKind(), name, errors);
 * }
 * }</pre>
 *
 * <h2>Without a server ({@code kubectl ramp lint})</h2>
 *
 * <pre>{@code
 * CustomResourceDefinitions crds = CustomResourceDefinitions.fromClasspath(); // the repo's crds/
 * for (JsonNode manifest : manifests) {
 *   crds.check(manifest).ifPresent(check -> {
 *     check.unknownFields().forEach(f -> warn("unknown field \"" + f + "\""));
 *     check.errors().forEach(e -> error(e.text()));
 *   });
 * }
 * }</pre>
 *
 * <p>Field paths follow the server: OpenAPI errors join map keys with a dot
 * ({@code spec.selector.app}), list-type and CEL errors put them in brackets
 * ({@code spec.limits[cpu]}); list indices are {@code [i]} everywhere; the root of what was
 * validated prints as {@code <nil>}.
 */
package dev.ramp.api.validation;
