package dev.ramp.controller.execute;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.ramp.api.RampClients;
import dev.ramp.api.RampMetadataKeys;
import dev.ramp.api.analysis.AnalysisRun;
import dev.ramp.api.analysis.AnalysisRunList;
import dev.ramp.api.analysis.AnalysisRunSpec;
import dev.ramp.api.rollout.Rollout;
import dev.ramp.controller.cache.Expectations;
import dev.ramp.controller.cache.Expectations.Expected;
import dev.ramp.controller.cache.Expectations.Owned;
import dev.ramp.controller.events.EventRecorder;
import dev.ramp.controller.kube.JsonPatch;
import dev.ramp.controller.kube.KubeApiException;
import dev.ramp.controller.kube.KubeClients;
import dev.ramp.controller.kube.ObjectKey;
import dev.ramp.controller.kube.Responses;
import dev.ramp.controller.leader.Leadership;
import dev.ramp.controller.observe.AnalysisTemplates;
import dev.ramp.controller.observe.Observed;
import dev.ramp.controller.plan.Action;
import dev.ramp.controller.plan.Plan;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentList;
import io.kubernetes.client.openapi.models.V1Preconditions;
import io.kubernetes.client.openapi.models.V1ReplicaSet;
import io.kubernetes.client.openapi.models.V1ReplicaSetList;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.DeleteOptions;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries out a plan: each action in order, each write carrying the resourceVersion the plan was made
 * from, stopping at the first that fails (so what the planner put after a traffic change never happens
 * without it); then the status with PUT /status; then the Events of the plan's transitions, only once
 * the status is written, so that a reconcile that lost a conflict announces nothing. Every write checks
 * the lease first. A conflict is never retried here: the Rollout is re-read and re-planned.
 */
@Singleton
public class PlanExecutor {
  private final GenericKubernetesApi<V1ReplicaSet, V1ReplicaSetList> replicaSets;
  private final GenericKubernetesApi<AnalysisRun, AnalysisRunList> analysisRuns;
  private final GenericKubernetesApi<V1Deployment, V1DeploymentList> deployments;
  private final AnalysisTemplates templates;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final Expectations expectations;
  private final Leadership leadership;

  public PlanExecutor(@Named(KubeClients.API) ApiClient client, AnalysisTemplates templates, StatusWriter statusWriter,
      EventRecorder events, Expectations expectations, Leadership leadership) {
    this.replicaSets = new GenericKubernetesApi<>(V1ReplicaSet.class, V1ReplicaSetList.class, "apps", "v1",
        "replicasets", client);
    this.analysisRuns = RampClients.analysisRuns(client);
    this.deployments = new GenericKubernetesApi<>(V1Deployment.class, V1DeploymentList.class, "apps", "v1",
        "deployments", client);
    this.templates = templates;
    this.statusWriter = statusWriter;
    this.events = events;
    this.expectations = expectations;
    this.leadership = leadership;
  }

  public Execution execute(Observed observed, Plan plan) {
    int writes = 0;
    for (Action action : plan.actions()) {
      try {
        if (apply(observed, action)) {
          writes++;
        }
      } catch (KubeApiException e) {
        return staleWorld(e)
            ? new Execution.Conflict(describe(action), e.getMessage())
            : new Execution.Failed(describe(action), e.getMessage());
      } catch (Leadership.NotLeaderException e) {
        return new Execution.NotLeader();
      } catch (IllegalStateException | IllegalArgumentException e) {
        return new Execution.Failed(describe(action), e.getMessage());
      }
    }
    Rollout rollout = observed.rollout();
    boolean statusWritten = false;
    if (!plan.status().equals(rollout.status())) {
      try {
        statusWriter.write(rollout, plan.status());
        statusWritten = true;
        expectations.expect(ObjectKey.of(rollout),
            new Expected.RolloutMovedFrom(ObjectKey.of(rollout), rollout.getMetadata().getResourceVersion()));
      } catch (KubeApiException e) {
        return staleWorld(e)
            ? new Execution.Conflict("write status", e.getMessage())
            : new Execution.Failed("write status", e.getMessage());
      } catch (Leadership.NotLeaderException e) {
        return new Execution.NotLeader();
      }
    }
    if (!plan.events().isEmpty() && leadership.isLeading()) {
      events.emit(rollout, plan.events());
    }
    return new Execution.Done(writes, statusWritten, plan.requeueAfter());
  }

  /**
   * The plan was made from a world that has moved on: the object changed (409) or is gone (404, e.g.
   * the Rollout or its namespace was deleted meanwhile). Re-reading answers both; backing off and
   * warning would only repeat a write that cannot succeed.
   */
  private static boolean staleWorld(KubeApiException e) {
    return e.isConflict() || e.code() == 404;
  }

  /** Carries out one action; false when the world already was as it asks. */
  private boolean apply(Observed observed, Action action) {
    Rollout rollout = observed.resolved();
    String namespace = rollout.getMetadata().getNamespace();
    String uid = rollout.getMetadata().getUid();
    ObjectKey key = ObjectKey.of(rollout);
    if (action instanceof Action.CreateReplicaSet create) {
      V1ReplicaSet rs = ReplicaSets.build(rollout, create, Optional.empty());
      leadership.check();
      Responses.ok("POST ReplicaSet " + namespace + "/" + create.name(), () -> replicaSets.create(rs));
      expectations.expect(key, new Expected.Present(Owned.REPLICA_SET, uid, create.name()));
      return true;
    }
    if (action instanceof Action.ScaleReplicaSet scale) {
      V1ReplicaSet rs = replicaSet(observed, scale.name());
      Integer current = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
      if (current != null && current == scale.replicas()) {
        return false;
      }
      patchReplicaSet(key, uid, rs, JsonPatch.at(rs.getMetadata().getResourceVersion())
          .add("/spec/replicas", scale.replicas()));
      return true;
    }
    if (action instanceof Action.SetScaleDownDeadline deadline) {
      V1ReplicaSet rs = replicaSet(observed, deadline.name());
      Optional<JsonPatch> patch = deadlinePatch(rs, deadline.deadline());
      if (patch.isEmpty()) {
        return false;
      }
      patchReplicaSet(key, uid, rs, patch.get());
      return true;
    }
    if (action instanceof Action.DeleteReplicaSet delete) {
      V1ReplicaSet rs = replicaSet(observed, delete.name());
      leadership.check();
      Responses.gone("DELETE ReplicaSet " + namespace + "/" + delete.name(),
          () -> replicaSets.delete(namespace, delete.name(), preconditions(rs.getMetadata().getResourceVersion())));
      expectations.expect(key, new Expected.Gone(Owned.REPLICA_SET, uid, delete.name()));
      return true;
    }
    if (action instanceof Action.SetCanaryWeight weight) {
      observed.router().setCanaryWeight(observed.traffic(), weight.canaryWeight());
      return true;
    }
    if (action instanceof Action.PinSelectors pin) {
      observed.router().pinSelectors(observed.traffic(), pin.selectors());
      return true;
    }
    if (action instanceof Action.CreateAnalysisRun create) {
      AnalysisTemplates.Resolved resolved = templates.resolve(namespace, create.analysis());
      AnalysisRuns.Merged merged = AnalysisRuns.merge(rollout, create.analysis(), resolved.names(),
          resolved.specs(), create.latestHash(), create.stableHash());
      AnalysisRunSpec spec = merged.spec().orElseThrow(() ->
          new IllegalStateException(String.join("; ", merged.problems())));
      AnalysisRun run = AnalysisRuns.build(rollout, create.name(), create.purpose(), create.latestHash(), spec);
      leadership.check();
      Responses.ok("POST AnalysisRun " + namespace + "/" + create.name(), () -> analysisRuns.create(run));
      expectations.expect(key, new Expected.Present(Owned.ANALYSIS_RUN, uid, create.name()));
      return true;
    }
    if (action instanceof Action.TerminateAnalysisRun terminate) {
      AnalysisRun run = analysisRun(observed, terminate.name());
      if (run.spec() != null && run.spec().terminate()) {
        return false;
      }
      String rv = run.getMetadata().getResourceVersion();
      leadership.check();
      Responses.patched("PATCH AnalysisRun " + namespace + "/" + terminate.name(),
          () -> analysisRuns.patch(namespace, terminate.name(), V1Patch.PATCH_FORMAT_JSON_PATCH,
              JsonPatch.at(rv).add("/spec/terminate", new JsonPrimitive(true)).toV1Patch()));
      expectations.expect(key, new Expected.MovedFrom(Owned.ANALYSIS_RUN, uid, terminate.name(), rv));
      return true;
    }
    if (action instanceof Action.DeleteAnalysisRun delete) {
      AnalysisRun run = analysisRun(observed, delete.name());
      leadership.check();
      Responses.gone("DELETE AnalysisRun " + namespace + "/" + delete.name(),
          () -> analysisRuns.delete(namespace, delete.name(), preconditions(run.getMetadata().getResourceVersion())));
      expectations.expect(key, new Expected.Gone(Owned.ANALYSIS_RUN, uid, delete.name()));
      return true;
    }
    if (action instanceof Action.ScaleWorkload scale) {
      V1Deployment deployment = observed.workload().orElseThrow(() ->
          new IllegalStateException("the Deployment of workloadRef was not found; cannot scale it"));
      Integer current = deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
      if (current != null && current == scale.replicas()) {
        return false;
      }
      String name = deployment.getMetadata().getName();
      JsonPatch patch = JsonPatch.at(deployment.getMetadata().getResourceVersion())
          .add("/spec/replicas", scale.replicas());
      leadership.check();
      Responses.patched("PATCH Deployment " + namespace + "/" + name,
          () -> deployments.patch(namespace, name, V1Patch.PATCH_FORMAT_JSON_PATCH, patch.toV1Patch()));
      return true;
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  private void patchReplicaSet(ObjectKey key, String uid, V1ReplicaSet rs, JsonPatch patch) {
    String namespace = rs.getMetadata().getNamespace();
    String name = rs.getMetadata().getName();
    leadership.check();
    Responses.patched("PATCH ReplicaSet " + namespace + "/" + name,
        () -> replicaSets.patch(namespace, name, V1Patch.PATCH_FORMAT_JSON_PATCH, patch.toV1Patch()));
    expectations.expect(key, new Expected.MovedFrom(Owned.REPLICA_SET, uid, name, rs.getMetadata().getResourceVersion()));
  }

  /** The patch that sets or clears the scale-down deadline annotation; empty when it already is so. */
  static Optional<JsonPatch> deadlinePatch(V1ReplicaSet rs, Optional<Instant> deadline) {
    Map<String, String> annotations = rs.getMetadata().getAnnotations();
    String current = annotations == null ? null : annotations.get(RampMetadataKeys.SCALE_DOWN_DEADLINE);
    String wanted = deadline.map(Instant::toString).orElse(null);
    if (Objects.equals(current, wanted)) {
      return Optional.empty();
    }
    JsonPatch patch = JsonPatch.at(rs.getMetadata().getResourceVersion());
    String path = "/metadata/annotations/" + JsonPatch.escape(RampMetadataKeys.SCALE_DOWN_DEADLINE);
    if (wanted == null) {
      return Optional.of(patch.remove(path));
    }
    if (annotations == null) {
      JsonObject all = new JsonObject();
      all.addProperty(RampMetadataKeys.SCALE_DOWN_DEADLINE, wanted);
      return Optional.of(patch.add("/metadata/annotations", all));
    }
    return Optional.of(patch.add(path, wanted));
  }

  private static V1ReplicaSet replicaSet(Observed observed, String name) {
    V1ReplicaSet rs = observed.replicaSets().get(name);
    if (rs == null) {
      throw new IllegalStateException("ReplicaSet " + name + " is not among the Rollout's ReplicaSets read");
    }
    return rs;
  }

  private static AnalysisRun analysisRun(Observed observed, String name) {
    AnalysisRun run = observed.analysisRuns().get(name);
    if (run == null) {
      throw new IllegalStateException("AnalysisRun " + name + " is not among the Rollout's AnalysisRuns read");
    }
    return run;
  }

  private static DeleteOptions preconditions(String resourceVersion) {
    DeleteOptions options = new DeleteOptions();
    options.setPreconditions(new V1Preconditions().resourceVersion(resourceVersion));
    return options;
  }

  private static String describe(Action action) {
    return action.toString();
  }
}
