package dev.ramp.controller.observe;

import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.controller.plan.AnalysisPurpose;
import dev.ramp.controller.plan.ObservedAnalysisRun;
import dev.ramp.controller.plan.ObservedReplicaSet;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The planner's view of a ReplicaSet or an AnalysisRun, read from the object and its labels and annotations. */
public final class ObservedObjects {
  private ObservedObjects() {}

  public static ObservedReplicaSet replicaSet(V1ReplicaSet rs) {
    V1ObjectMeta meta = rs.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    V1ReplicaSetStatus status = rs.getStatus() == null ? new V1ReplicaSetStatus() : rs.getStatus();
    String hash = labels.getOrDefault(RampMetadataKeys.POD_TEMPLATE_HASH, "");
    long revision = parseLong(annotations.get(RampMetadataKeys.REVISION)).orElse(0L);
    int desired = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
    boolean current = meta.getGeneration() == null
        || (status.getObservedGeneration() != null && status.getObservedGeneration() >= meta.getGeneration());
    return new ObservedReplicaSet(
        meta.getName(),
        hash,
        revision,
        desired,
        orZero(status.getReplicas()),
        orZero(status.getReadyReplicas()),
        orZero(status.getAvailableReplicas()),
        current,
        parseInstant(annotations.get(RampMetadataKeys.SCALE_DOWN_DEADLINE)),
        created(meta));
  }

  /** The run as the planner sees it; empty for a run without a readable {@code ramp.dev/analysis} label. */
  public static Optional<ObservedAnalysisRun> analysisRun(AnalysisRun run) {
    V1ObjectMeta meta = run.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    String purposeLabel = labels.get(RampMetadataKeys.ANALYSIS);
    if (purposeLabel == null) {
      return Optional.empty();
    }
    AnalysisPurpose purpose;
    try {
      purpose = AnalysisPurpose.fromLabel(purposeLabel);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new ObservedAnalysisRun(
        meta.getName(),
        purpose,
        labels.getOrDefault(RampMetadataKeys.POD_TEMPLATE_HASH, ""),
        run.status().phase(),
        run.status().message(),
        run.spec() != null && run.spec().terminate(),
        created(meta)));
  }

  private static Instant created(V1ObjectMeta meta) {
    OffsetDateTime created = meta.getCreationTimestamp();
    return created == null ? Instant.EPOCH : created.toInstant();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Optional<Long> parseLong(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> parseInstant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
