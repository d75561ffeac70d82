package dev.ramp.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.strategy.KindStrategy;
import dev.ramp.sandbox.validation.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One served resource: a group/version/plural with its kind, scope, subresources and the rules its
 * writes follow. Versions of one CRD, and core/v1 and events.k8s.io/v1 Events, share a collection.
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    String listKind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    String collection,
    boolean custom,
    boolean statusSubresource,
    Optional<ScaleSpec> scale,
    Generation generation,
    boolean returnDeletedObject,
    boolean allowCreateOnUpdate,
    Names.Rule nameRule,
    Map<String, String> fieldLabels,
    KindStrategy strategy,
    Converter converter,
    List<PrinterColumn> printerColumns) {

  /** Which changes bump metadata.generation. */
  public enum Generation {
    /** The kind has no generation (ConfigMap, Pod in 1.28, ...). */
    NONE,
    /** Changes of {@code spec}. */
    SPEC,
    /** Anything but metadata and status: a custom resource with a status subresource. */
    ALL_BUT_METADATA_AND_STATUS,
    /** Anything but metadata: a custom resource without status subresource (G9). */
    ALL_BUT_METADATA
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code configmaps}, {@code rollouts.spike.example.com}: how NotFound and Conflict messages name it. */
  public String groupResource() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /**
   * Whether objects are stored in this type's own form: its collection is the one its group and plural
   * name (core/v1 Events), not another type's it converts to (events.k8s.io/v1 Events over core/events).
   */
  public boolean storageForm() {
    return collection.equals(naturalCollection(group, plural));
  }

  private static String naturalCollection(String group, String plural) {
    return (group.isEmpty() ? "core" : group) + "/" + plural;
  }

  public ApiException.Target target() {
    return new ApiException.Target(group, plural, kind);
  }

  /** The object as this version serves it. */
  public ObjectNode present(ObjectNode stored) {
    return converter.present(stored);
  }

  /** The values of the field labels a field selector may test, from a stored object. */
  public Map<String, String> fieldValues(JsonNode stored) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("metadata.name", Json.text(stored, "metadata", "name"));
    values.put("metadata.namespace", Json.text(stored, "metadata", "namespace"));
    fieldLabels.forEach((label, path) -> values.put(label, Json.text(stored, path.split("\\."))));
    return values;
  }

  public java.util.Set<String> supportedFieldLabels() {
    java.util.Set<String> labels = new java.util.HashSet<>(fieldLabels.keySet());
    labels.add("metadata.name");
    labels.add("metadata.namespace");
    return labels;
  }

  public static Builder builder(String group, String version, String plural, String kind) {
    return new Builder(group, version, plural, kind);
  }

  /** Builds a ResourceType with the defaults of a plain built-in kind. */
  public static final class Builder {
    private final String group;
    private final String version;
    private final String plural;
    private final String kind;
    private String singular;
    private String listKind;
    private boolean namespaced = true;
    private List<String> shortNames = List.of();
    private List<String> categories = List.of();
    private String collection;
    private boolean custom;
    private boolean statusSubresource;
    private Optional<ScaleSpec> scale = Optional.empty();
    private Generation generation = Generation.NONE;
    private boolean returnDeletedObject;
    private boolean allowCreateOnUpdate;
    private Names.Rule nameRule = Names.Rule.SUBDOMAIN;
    private Map<String, String> fieldLabels = Map.of();
    private KindStrategy strategy = KindStrategy.DEFAULT;
    private Converter converter;
    private List<PrinterColumn> printerColumns = List.of();

    private Builder(String group, String version, String plural, String kind) {
      this.group = group;
      this.version = version;
      this.plural = plural;
      this.kind = kind;
      this.singular = kind.toLowerCase(java.util.Locale.ROOT);
      this.listKind = kind + "List";
      this.collection = naturalCollection(group, plural);
    }

    public Builder singular(String value) {
      this.singular = value;
      return this;
    }

    public Builder listKind(String value) {
      this.listKind = value;
      return this;
    }

    public Builder clusterScoped() {
      this.namespaced = false;
      return this;
    }

    public Builder namespaced(boolean value) {
      this.namespaced = value;
      return this;
    }

    public Builder shortNames(List<String> value) {
      this.shortNames = List.copyOf(value);
      return this;
    }

    public Builder categories(List<String> value) {
      this.categories = List.copyOf(value);
      return this;
    }

    public Builder collection(String value) {
      this.collection = value;
      return this;
    }

    public Builder custom() {
      this.custom = true;
      return this;
    }

    public Builder status() {
      this.statusSubresource = true;
      return this;
    }

    public Builder status(boolean value) {
      this.statusSubresource = value;
      return this;
    }

    public Builder scale(ScaleSpec value) {
      this.scale = Optional.ofNullable(value);
      return this;
    }

    public Builder generation(Generation value) {
      this.generation = value;
      return this;
    }

    public Builder returnDeletedObject() {
      this.returnDeletedObject = true;
      return this;
    }

    public Builder allowCreateOnUpdate() {
      this.allowCreateOnUpdate = true;
      return this;
    }

    public Builder nameRule(Names.Rule value) {
      this.nameRule = value;
      return this;
    }

    public Builder fieldLabels(Map<String, String> value) {
      this.fieldLabels = Map.copyOf(value);
      return this;
    }

    public Builder strategy(KindStrategy value) {
      this.strategy = value;
      return this;
    }

    public Builder converter(Converter value) {
      this.converter = value;
      return this;
    }

    public Builder printerColumns(List<PrinterColumn> value) {
      this.printerColumns = List.copyOf(value);
      return this;
    }

    public ResourceType build() {
      String apiVersion = group.isEmpty() ? version : group + "/" + version;
      return new ResourceType(group, version, plural, singular, kind, listKind, namespaced, shortNames, categories,
          collection, custom, statusSubresource, scale, generation, returnDeletedObject, allowCreateOnUpdate, nameRule,
          fieldLabels, strategy, converter == null ? Converter.apiVersion(apiVersion) : converter, printerColumns);
    }
  }
}
