package dev.ramp.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A set of CustomResourceDefinitions read from YAML or JSON (one document, a multi-document stream,
 * or a {@code List}), each version's schema compiled once. {@link #fromClasspath()} reads the
 * {@code crds/} folder the api module packages; {@link #check} answers for one manifest what a server
 * would.
 *
 * <pre>{@code
 * CustomResourceDefinitions crds = CustomResourceDefinitions.fromClasspath();
 * crds.check(manifest).ifPresent(c -> c.errors().forEach(System.out::println));
 * }</pre>
 */
public final class CustomResourceDefinitions {

  /** The classpath folder the api module packages the repository's {@code crds/} into. */
  public static final String CLASSPATH_FOLDER = "crds";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, CustomResourceDefinition> byName;

  private CustomResourceDefinitions(Map<String, CustomResourceDefinition> byName) {
    this.byName = byName;
  }

  public static CustomResourceDefinitions of(Collection<CustomResourceDefinition> crds) {
    Map<String, CustomResourceDefinition> byName = new LinkedHashMap<>();
    crds.forEach(crd -> byName.putIfAbsent(crd.name(), crd));
    return new CustomResourceDefinitions(byName);
  }

  /**
   * Reads CRDs from YAML or JSON text; documents of other kinds are skipped. {@code source} names
   * the text in error messages (a file name).
   *
   * @throws SchemaException when the text is not YAML or a CRD in it is not usable
   */
  public static CustomResourceDefinitions parse(String text, String source) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (JsonNode doc : documents(text, source)) {
      collect(doc, source, crds);
    }
    return of(crds);
  }

  /** Reads every {@code .yaml}, {@code .yml} and {@code .json} file of a file or folder. */
  public static CustomResourceDefinitions read(Path fileOrFolder) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (Path file : manifestFiles(fileOrFolder)) {
      crds.addAll(parse(readString(file), file.toString()).all());
    }
    return of(crds);
  }

  /** The CRDs under the classpath folder {@code crds/} (none if it is absent or empty). */
  public static CustomResourceDefinitions fromClasspath() {
    return fromClasspath(CLASSPATH_FOLDER);
  }

  /** The CRDs under a classpath folder, in directories or jars. */
  public static CustomResourceDefinitions fromClasspath(String folder) {
    String prefix = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader()
        : CustomResourceDefinitions.class.getClassLoader();
    List<CustomResourceDefinition> crds = new ArrayList<>();
    try {
      Enumeration<URL> roots = loader.getResources(prefix);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        if ("file".equals(root.getProtocol())) {
          crds.addAll(read(Paths.get(root.toURI())).all());
        } else if ("jar".equals(root.getProtocol())) {
          crds.addAll(fromJar(root, prefix, loader));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list classpath folder " + prefix, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unexpected classpath URL under " + prefix, e);
    }
    return of(crds);
  }

  public List<CustomResourceDefinition> all() {
    return List.copyOf(byName.values());
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** By {@code metadata.name} ({@code rollouts.ramp.dev}). */
  public Optional<CustomResourceDefinition> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Optional<CustomResourceDefinition> byKind(String group, String kind) {
    return byName.values().stream()
        .filter(c -> c.group().equals(group) && c.kind().equals(kind))
        .findFirst();
  }

  public Optional<CustomResourceDefinition> byResource(String group, String plural) {
    return byName.values().stream()
        .filter(c -> c.group().equals(group) && c.plural().equals(plural))
        .findFirst();
  }

  /** Both sets; where both define a CRD, this one's wins. */
  public CustomResourceDefinitions plus(CustomResourceDefinitions other) {
    List<CustomResourceDefinition> crds = new ArrayList<>(byName.values());
    crds.addAll(other.byName.values());
    return of(crds);
  }

  /**
   * What a server with these CRDs would say to a create of {@code manifest}: the fields it would
   * prune, then name, schema and CEL errors. Empty when no CRD here defines the manifest's group and
   * kind (a built-in kind, or someone else's). A version the CRD does not serve is an
   * {@code apiVersion} error. The manifest itself is not modified.
   */
  public Optional<ManifestCheck> check(JsonNode manifest) {
    if (manifest == null || !manifest.isObject()) {
      return Optional.empty();
    }
    String apiVersion = manifest.path("apiVersion").asText("");
    String kind = manifest.path("kind").asText("");
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Optional<CustomResourceDefinition> crd = byKind(group, kind);
    if (crd.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode stored = ((ObjectNode) manifest).deepCopy();
    String name = stored.path("metadata").path("name").asText(stored.path("metadata").path("generateName").asText(""));
    Optional<CustomResourceDefinition.Version> served = crd.get().version(version)
        .filter(CustomResourceDefinition.Version::served);
    if (served.isEmpty()) {
      List<String> supported = crd.get().servedVersions().stream().map(v -> crd.get().apiVersion(v.name())).toList();
      return Optional.of(new ManifestCheck(apiVersion, kind, name, List.of(),
          List.of(FieldErrors.notSupported("apiVersion", apiVersion, supported)), stored));
    }
    StructuralSchema schema = served.get().schema();
    List<String> unknown = schema.pruneAndDefault(stored);
    List<FieldError> errors = schema.validate(stored, null, ObjectNames.check(stored.get("metadata")));
    return Optional.of(new ManifestCheck(apiVersion, kind, name, unknown, errors, stored));
  }

  private static List<JsonNode> documents(String text, String source) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          docs.add(doc);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new SchemaException(source + ": not YAML or JSON: " + e.getMessage(), e);
    }
    return docs;
  }

  private static void collect(JsonNode doc, String source, List<CustomResourceDefinition> out) {
    String kind = doc.path("kind").asText("");
    if (kind.endsWith("List") && doc.path("items").isArray()) {
      doc.path("items").forEach(item -> collect(item, source, out));
    } else if (kind.equals("CustomResourceDefinition")) {
      out.add(definition(doc, source));
    }
  }

  private static CustomResourceDefinition definition(JsonNode doc, String source) {
    String name = doc.path("metadata").path("name").asText("");
    String where = source + ": CustomResourceDefinition " + (name.isEmpty() ? "(no name)" : name);
    if (!doc.path("apiVersion").asText("").equals("apiextensions.k8s.io/v1")) {
      throw new SchemaException(where + ": apiVersion: Unsupported value: "
          + GoText.quote(doc.path("apiVersion").asText("")) + ": supported values: \"apiextensions.k8s.io/v1\"");
    }
    JsonNode spec = doc.path("spec");
    String group = required(spec, "group", where + ": spec");
    JsonNode rawNames = spec.path("names");
    String kind = required(rawNames, "kind", where + ": spec.names");
    String plural = required(rawNames, "plural", where + ": spec.names");
    CustomResourceDefinition.Names names = new CustomResourceDefinition.Names(kind, plural,
        rawNames.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT)),
        rawNames.path("listKind").asText(kind + "List"),
        strings(rawNames.path("shortNames")), strings(rawNames.path("categories")));
    if (!name.isEmpty() && !name.equals(plural + "." + group)) {
      throw new SchemaException(where + ": metadata.name: Invalid value: " + GoText.quote(name)
          + ": must be spec.names.plural+\".\"+spec.group");
    }
    String rawScope = spec.path("scope").asText("");
    CustomResourceDefinition.Scope scope = switch (rawScope) {
      case "Namespaced" -> CustomResourceDefinition.Scope.NAMESPACED;
      case "Cluster" -> CustomResourceDefinition.Scope.CLUSTER;
      default -> throw new SchemaException(where + ": spec.scope: Unsupported value: " + GoText.quote(rawScope)
          + ": supported values: \"Cluster\", \"Namespaced\"");
    };
    JsonNode rawVersions = spec.path("versions");
    if (!rawVersions.isArray() || rawVersions.isEmpty()) {
      throw new SchemaException(where + ": spec.versions: Invalid value: must have exactly one version marked as storage version");
    }
    List<CustomResourceDefinition.Version> versions = new ArrayList<>();
    for (int i = 0; i < rawVersions.size(); i++) {
      versions.add(version(rawVersions.get(i), spec, where + ": spec.versions[" + i + "]"));
    }
    long storage = versions.stream().filter(CustomResourceDefinition.Version::storage).count();
    if (storage != 1) {
      throw new SchemaException(where + ": spec.versions: Invalid value: must have exactly one version marked as"
          + " storage version (found " + storage + ")");
    }
    return new CustomResourceDefinition(plural + "." + group, group, names, scope, List.copyOf(versions));
  }

  private static CustomResourceDefinition.Version version(JsonNode v, JsonNode spec, String where) {
    String name = required(v, "name", where);
    JsonNode schema = v.path("schema").path("openAPIV3Schema");
    if (schema.isMissingNode()) {
      schema = spec.path("validation").path("openAPIV3Schema");
    }
    if (schema.isMissingNode()) {
      throw new SchemaException(where + ".schema.openAPIV3Schema: Required value: schemas are required");
    }
    StructuralSchema compiled;
    try {
      compiled = StructuralSchema.compile(schema);
    } catch (SchemaException e) {
      throw new SchemaException(where + " (" + name + "): " + e.getMessage(), e);
    }
    JsonNode sub = v.has("subresources") ? v.path("subresources") : spec.path("subresources");
    Optional<CustomResourceDefinition.Scale> scale = Optional.empty();
    if (sub.has("scale")) {
      JsonNode s = sub.path("scale");
      scale = Optional.of(new CustomResourceDefinition.Scale(
          required(s, "specReplicasPath", where + ".subresources.scale"),
          required(s, "statusReplicasPath", where + ".subresources.scale"),
          s.hasNonNull("labelSelectorPath") ? Optional.of(s.path("labelSelectorPath").asText()) : Optional.empty()));
    }
    List<CustomResourceDefinition.PrinterColumn> columns = new ArrayList<>();
    JsonNode rawColumns = v.has("additionalPrinterColumns") ? v.path("additionalPrinterColumns")
        : spec.path("additionalPrinterColumns");
    rawColumns.forEach(c -> columns.add(new CustomResourceDefinition.PrinterColumn(
        c.path("name").asText(""), c.path("type").asText(""), c.path("format").asText(""),
        c.path("description").asText(""), c.path("priority").asInt(0),
        c.has("jsonPath") ? c.path("jsonPath").asText("") : c.path("JSONPath").asText(""))));
    return new CustomResourceDefinition.Version(name,
        v.path("served").asBoolean(false),
        v.path("storage").asBoolean(false),
        v.path("deprecated").asBoolean(false),
        v.hasNonNull("deprecationWarning") ? Optional.of(v.path("deprecationWarning").asText()) : Optional.empty(),
        compiled,
        new CustomResourceDefinition.Subresources(sub.has("status"), scale),
        List.copyOf(columns));
  }

  private static String required(JsonNode node, String field, String where) {
    String value = node.path(field).asText("");
    if (value.isEmpty()) {
      throw new SchemaException(where + "." + field + ": Required value");
    }
    return value;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return List.copyOf(out);
  }

  private static List<Path> manifestFiles(Path fileOrFolder) {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> walk = Files.walk(fileOrFolder)) {
      return walk.filter(Files::isRegularFile).filter(p -> isManifest(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrFolder, e);
    }
  }

  private static boolean isManifest(String fileName) {
    return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static List<CustomResourceDefinition> fromJar(URL root, String prefix, ClassLoader loader) throws IOException {
    URLConnection connection = root.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      return List.of();
    }
    jarConnection.setUseCaches(false);
    List<String> entries = new ArrayList<>();
    try (JarFile jar = jarConnection.getJarFile()) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix + "/") && isManifest(entry.getName())) {
          entries.add(entry.getName());
        }
      }
    }
    entries.sort(null);
    List<CustomResourceDefinition> out = new ArrayList<>();
    for (String entry : entries) {
      try (InputStream in = loader.getResourceAsStream(entry)) {
        if (in != null) {
          out.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), entry).all());
        }
      }
    }
    return out;
  }
}
