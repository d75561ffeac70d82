package dev.ramp.api.validation;

import java.util.List;
import java.util.Optional;

/**
 * What a CustomResourceDefinition ({@code apiextensions.k8s.io/v1}) declares, with each version's
 * schema compiled. Read with {@link CustomResourceDefinitions}.
 *
 * @param name {@code <plural>.<group>}
 * @param group the API group ({@code ramp.dev})
 * @param names kind, plural, singular, list kind, short names and categories
 * @param scope whether objects live in a namespace
 * @param versions the versions in the order the CRD lists them
 */
public record CustomResourceDefinition(
    String name, String group, Names names, Scope scope, List<Version> versions) {

  /** Whether objects are namespaced or cluster-wide. */
  public enum Scope { NAMESPACED, CLUSTER }

  /** {@code spec.names}. */
  public record Names(
      String kind,
      String plural,
      String singular,
      String listKind,
      List<String> shortNames,
      List<String> categories) {}

  /**
   * One entry of {@code spec.versions}.
   *
   * @param deprecationWarning the warning a server sends when the version is deprecated
   */
  public record Version(
      String name,
      boolean served,
      boolean storage,
      boolean deprecated,
      Optional<String> deprecationWarning,
      StructuralSchema schema,
      Subresources subresources,
      List<PrinterColumn> printerColumns) {}

  /** {@code subresources}: whether {@code /status} exists, and {@code /scale} with its paths. */
  public record Subresources(boolean status, Optional<Scale> scale) {}

  /**
   * The {@code /scale} subresource: JSON paths such as {@code .spec.replicas}.
   *
   * @param labelSelectorPath where the selector string lives in the object, if declared
   */
  public record Scale(String specReplicasPath, String statusReplicasPath, Optional<String> labelSelectorPath) {}

  /** One of {@code additionalPrinterColumns}. */
  public record PrinterColumn(
      String name, String type, String format, String description, int priority, String jsonPath) {}

  public String kind() {
    return names.kind();
  }

  public String plural() {
    return names.plural();
  }

  public boolean namespaced() {
    return scope == Scope.NAMESPACED;
  }

  /** {@code <group>/<version>}, as objects of that version carry it in {@code apiVersion}. */
  public String apiVersion(String version) {
    return group + "/" + version;
  }

  /** {@code Kind.group}, as Invalid messages name the kind ({@code Canary.fidelity.example.com}). */
  public String qualifiedKind() {
    return names.kind() + "." + group;
  }

  public List<Version> servedVersions() {
    return versions.stream().filter(Version::served).toList();
  }

  /** The version objects are stored in (exactly one in a valid CRD). */
  public Version storageVersion() {
    return versions.stream().filter(Version::storage).findFirst().orElseThrow();
  }

  public Optional<Version> version(String version) {
    return versions.stream().filter(v -> v.name().equals(version)).findFirst();
  }
}
