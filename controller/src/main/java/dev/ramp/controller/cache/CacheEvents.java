package dev.ramp.controller.cache;

import dev.ramp.controller.kube.ObjectKey;

/** What the caches report as objects change; the work queue turns each into Rollouts to reconcile. */
public interface CacheEvents {

  /** A Rollout was added, changed, resynced or deleted. */
  void rolloutChanged(ObjectKey rollout);

  /** An object owned by the Rollout with this uid changed (a ReplicaSet, an AnalysisRun). */
  void ownedObjectChanged(String namespace, String ownerUid);

  /** A Deployment changed; the Rollouts whose workloadRef names it must look at it again. */
  void workloadChanged(ObjectKey deployment);

  /** A VirtualService changed; the Rollouts that route through it must look at it again. */
  void virtualServiceChanged(ObjectKey virtualService);
}
