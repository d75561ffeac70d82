package dev.ramp.api;

import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunList;
import dev.ramp.api.analysis.AnalysisTemplate;
import dev.ramp.api.analysis.AnalysisTemplateList;
import dev.ramp.api.analysis.ClusterAnalysisTemplate;
import dev.ramp.api.analysis.ClusterAnalysisTemplateList;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.api.rollout.RolloutList;
import java.util.Arrays;
import java.util.Optional;

/** Ramp's custom resource kinds, each with its names, scope, Java types and CRD file. */
public enum RampKind {
  ROLLOUT(RampApi.ROLLOUT, RampApi.ROLLOUTS, true, Rollout.class, RolloutList.class, "rollout.yaml"),
  ANALYSIS_TEMPLATE(RampApi.ANALYSIS_TEMPLATE, RampApi.ANALYSIS_TEMPLATES, true,
      AnalysisTemplate.class, AnalysisTemplateList.class, "analysistemplate.yaml"),
  CLUSTER_ANALYSIS_TEMPLATE(RampApi.CLUSTER_ANALYSIS_TEMPLATE, RampApi.CLUSTER_ANALYSIS_TEMPLATES, false,
      ClusterAnalysisTemplate.class, ClusterAnalysisTemplateList.class, "clusteranalysistemplate.yaml"),
  ANALYSIS_RUN(RampApi.ANALYSIS_RUN, RampApi.ANALYSIS_RUNS, true, AnalysisRun.class, AnalysisRunList.class,
      "analysisrun.yaml");

  private final String kind;
  private final String plural;
  private final boolean namespaced;
  private final Class<? extends RampObject> type;
  private final Class<? extends RampObjectList<?>> listType;
  private final String crdFile;

  RampKind(String kind, String plural, boolean namespaced, Class<? extends RampObject> type,
      Class<? extends RampObjectList<?>> listType, String crdFile) {
    this.kind = kind;
    this.plural = plural;
    this.namespaced = namespaced;
    this.type = type;
    this.listType = listType;
    this.crdFile = crdFile;
  }

  public String kind() {
    return kind;
  }

  public String listKind() {
    return kind + "List";
  }

  public String plural() {
    return plural;
  }

  public String group() {
    return RampApi.GROUP;
  }

  public String version() {
    return RampApi.VERSION;
  }

  public String apiVersion() {
    return RampApi.API_VERSION;
  }

  /** False for ClusterAnalysisTemplate, which is cluster-scoped. */
  public boolean namespaced() {
    return namespaced;
  }

  public Class<? extends RampObject> type() {
    return type;
  }

  public Class<? extends RampObjectList<?>> listType() {
    return listType;
  }

  /** The CRD's name, {@code rollouts.ramp.dev}. */
  public String crdName() {
    return plural + "." + RampApi.GROUP;
  }

  /** The CRD file's name in {@code crds/} (and on the classpath under {@code crds/}). */
  public String crdFile() {
    return crdFile;
  }

  /** The kind with this {@code kind} name, if it is one of Ramp's. */
  public static Optional<RampKind> ofKind(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }

  /** The kind of a manifest with this {@code apiVersion} and {@code kind}, if it is one of Ramp's. */
  public static Optional<RampKind> of(String apiVersion, String kind) {
    return RampApi.API_VERSION.equals(apiVersion) ? ofKind(kind) : Optional.empty();
  }
}
