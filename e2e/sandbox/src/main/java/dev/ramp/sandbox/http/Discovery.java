package dev.ramp.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.TypeRegistry;
import java.util.Base64;
import java.util.List;

/** The discovery documents kubectl and client-java read: /api, /apis, /apis/{group}, resource lists, /version. */
final class Discovery {
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private final TypeRegistry registry;

  Discovery(TypeRegistry registry) {
    this.registry = registry;
  }

  ObjectNode apiVersions(String serverAddress) {
    ObjectNode versions = Json.object();
    versions.put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    ObjectNode address = versions.putArray("serverAddressByClientCIDRs").addObject();
    address.put("clientCIDR", "0.0.0.0/0");
    address.put("serverAddress", serverAddress);
    return versions;
  }

  ObjectNode groupList() {
    ObjectNode list = Json.object();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (String group : registry.groups()) {
      if (!group.isEmpty()) {
        groups.add(group(group));
      }
    }
    return list;
  }

  ObjectNode group(String group) {
    ObjectNode node = Json.object();
    node.put("kind", "APIGroup");
    node.put("apiVersion", "v1");
    node.put("name", group);
    ArrayNode versions = node.putArray("versions");
    List<String> served = registry.versionsOf(group);
    for (String version : served) {
      ObjectNode entry = versions.addObject();
      entry.put("groupVersion", group + "/" + version);
      entry.put("version", version);
    }
    if (!served.isEmpty()) {
      ObjectNode preferred = node.putObject("preferredVersion");
      preferred.put("groupVersion", group + "/" + served.get(0));
      preferred.put("version", served.get(0));
    }
    return node;
  }

  boolean servesGroup(String group) {
    return !registry.versionsOf(group).isEmpty();
  }

  boolean serves(String group, String version) {
    return !registry.typesOf(group, version).isEmpty();
  }

  ObjectNode resourceList(String group, String version) {
    ObjectNode list = Json.object();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode resources = list.putArray("resources");
    for (ResourceType type : registry.typesOf(group, version)) {
      ObjectNode resource = resources.addObject();
      resource.put("name", type.plural());
      resource.put("singularName", type.singular());
      resource.put("namespaced", type.namespaced());
      resource.put("kind", type.kind());
      ArrayNode verbs = resource.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!type.shortNames().isEmpty()) {
        ArrayNode shortNames = resource.putArray("shortNames");
        type.shortNames().forEach(shortNames::add);
      }
      if (!type.categories().isEmpty()) {
        ArrayNode categories = resource.putArray("categories");
        type.categories().forEach(categories::add);
      }
      resource.put("storageVersionHash", Base64.getEncoder().encodeToString(
          Integer.toHexString(type.collection().hashCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 11));
      if (type.statusSubresource()) {
        subresource(resources, type, "status", type.kind(), "", "", List.of("get", "patch", "update"));
      }
      if (type.scale().isPresent()) {
        subresource(resources, type, "scale", "Scale", "autoscaling", "v1", List.of("get", "patch", "update"));
      }
      if (type.collection().equals("core/namespaces")) {
        subresource(resources, type, "finalize", type.kind(), "", "", List.of("update"));
      }
    }
    return list;
  }

  private static void subresource(ArrayNode resources, ResourceType type, String name, String kind, String group,
      String version, List<String> verbs) {
    ObjectNode resource = resources.addObject();
    resource.put("name", type.plural() + "/" + name);
    resource.put("singularName", "");
    resource.put("namespaced", type.namespaced());
    if (!group.isEmpty()) {
      resource.put("group", group);
      resource.put("version", version);
    }
    resource.put("kind", kind);
    ArrayNode list = resource.putArray("verbs");
    verbs.forEach(list::add);
  }

  /**
   * The OpenAPI v3 index. Its documents are minimal: one PATCH operation per kind declaring the
   * {@code fieldValidation} parameter, which is what kubectl reads to leave validation to the server.
   */
  ObjectNode openApiV3Root() {
    ObjectNode root = Json.object();
    ObjectNode paths = root.putObject("paths");
    java.util.Set<String> groupVersions = new java.util.LinkedHashSet<>();
    for (ResourceType type : registry.all()) {
      groupVersions.add(type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.group() + "/" + type.version());
    }
    for (String groupVersion : groupVersions) {
      String[] parts = groupVersion.split("/");
      String group = parts[0].equals("api") ? "" : parts[1];
      String version = parts[parts.length - 1];
      String hash = Integer.toHexString(Json.string(openApiV3(group, version)).hashCode()).toUpperCase(java.util.Locale.ROOT);
      paths.putObject(groupVersion).put("serverRelativeURL", "/openapi/v3/" + groupVersion + "?hash=" + hash);
    }
    return root;
  }

  ObjectNode openApiV3(String group, String version) {
    ObjectNode document = Json.object();
    document.put("openapi", "3.0.0");
    ObjectNode info = document.putObject("info");
    info.put("title", "Kubernetes");
    info.put("version", "v1.28.7");
    ObjectNode paths = document.putObject("paths");
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    for (ResourceType type : registry.typesOf(group, version)) {
      String path = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
      ObjectNode patch = paths.putObject(path).putObject("patch");
      patch.put("operationId", "patch" + type.kind());
      ArrayNode parameters = patch.putArray("parameters");
      for (String parameter : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
        ObjectNode entry = parameters.addObject();
        entry.put("name", parameter);
        entry.put("in", "query");
        entry.putObject("schema").put("type", parameter.equals("force") ? "boolean" : "string");
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
      patch.put("x-kubernetes-action", "patch");
      ObjectNode gvk = patch.putObject("x-kubernetes-group-version-kind");
      gvk.put("group", group);
      gvk.put("version", version);
      gvk.put("kind", type.kind());
    }
    return document;
  }

  static ObjectNode version() {
    ObjectNode version = Json.object();
    version.put("major", "1");
    version.put("minor", "28");
    version.put("gitVersion", "v1.28.7");
    version.put("gitCommit", "c8dcb00be9961ec36d141d2e4103f85f92bcf291");
    version.put("gitTreeState", "clean");
    version.put("buildDate", "2024-02-14T10:32:40Z");
    version.put("goVersion", "go1.21.7");
    version.put("compiler", "gc");
    version.put("platform", "linux/amd64");
    return version;
  }
}
