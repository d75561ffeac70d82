package dev.ramp.sandbox.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ramp.api.validation.StructuralSchema;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.registry.PrinterColumn;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.ScaleSpec;
import dev.ramp.sandbox.validation.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resource types a CustomResourceDefinition serves: one per served version, all over one collection. */
public final class CrdTypes {
  private CrdTypes() {}

  public static String collection(String plural, String group) {
    return "crd/" + plural + "." + group;
  }

  /** Builds the served versions; schemas are compiled here (a CRD that reached the store compiled before). */
  public static List<ResourceType> of(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    String group = Json.text(spec, "group");
    JsonNode names = spec.path("names");
    String plural = Json.text(names, "plural");
    String kind = Json.text(names, "kind");
    String singular = Json.text(names, "singular");
    String listKind = Json.text(names, "listKind");
    boolean namespaced = Json.text(spec, "scope").equals("Namespaced");
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(false)) {
        continue;
      }
      JsonNode subresources = version.path("subresources");
      boolean status = subresources.has("status");
      ScaleSpec scale = null;
      if (subresources.has("scale")) {
        JsonNode s = subresources.get("scale");
        scale = new ScaleSpec(Json.text(s, "specReplicasPath"), Json.text(s, "statusReplicasPath"),
            Json.text(s, "labelSelectorPath"), false);
      }
      Map<String, String> fieldLabels = new LinkedHashMap<>();
      for (JsonNode selectable : version.path("selectableFields")) {
        String path = Json.text(selectable, "jsonPath");
        String label = path.startsWith(".") ? path.substring(1) : path;
        fieldLabels.put(label, label);
      }
      List<PrinterColumn> columns = new ArrayList<>();
      for (JsonNode column : version.path("additionalPrinterColumns")) {
        columns.add(new PrinterColumn(Json.text(column, "name"), Json.text(column, "type"), Json.text(column, "format"),
            Json.text(column, "description"), column.path("priority").asInt(0), Json.text(column, "jsonPath")));
      }
      JsonNode schemaNode = version.path("schema").path("openAPIV3Schema");
      StructuralSchema schema = StructuralSchema.compile(
          schemaNode.isMissingNode() ? Json.object() : CrdSchemaChecks.compilable(schemaNode));
      types.add(ResourceType.builder(group, Json.text(version, "name"), plural, kind)
          .singular(singular.isEmpty() ? kind.toLowerCase(java.util.Locale.ROOT) : singular)
          .listKind(listKind.isEmpty() ? kind + "List" : listKind)
          .namespaced(namespaced)
          .shortNames(Json.stringList(names.get("shortNames")))
          .categories(Json.stringList(names.get("categories")))
          .collection(collection(plural, group))
          .custom()
          .status(status)
          .scale(scale)
          .generation(status ? ResourceType.Generation.ALL_BUT_METADATA_AND_STATUS : ResourceType.Generation.ALL_BUT_METADATA)
          .nameRule(Names.Rule.SUBDOMAIN)
          .fieldLabels(fieldLabels)
          .strategy(new CustomResourceStrategy(schema))
          .printerColumns(columns)
          .build());
    }
    return types;
  }
}
