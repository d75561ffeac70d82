package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The objects the contract tests create, as JSON trees to adjust per test. */
public final class Manifests {
  private Manifests() {}

  /** A Rollout of the suite's test kind: image app:1, strategy canary, canaryWeight 0. */
  public static ObjectNode rollout(String name) {
    return Json.object(
        """
        {'apiVersion':'contract.ramp.dev/v1','kind':'Rollout','metadata':{'name':'%s'},
         'spec':{'image':'app:1','strategy':'canary','canaryWeight':0}}"""
            .formatted(name));
  }

  /** A Canary of the suite's test kind (the X rows). */
  public static ObjectNode canary(String name, String strategy, int stepWeight) {
    return Json.object(
        """
        {'apiVersion':'contract.ramp.dev/v1','kind':'Canary','metadata':{'name':'%s'},
         'spec':{'strategy':'%s','stepWeight':%d}}"""
            .formatted(name, strategy, stepWeight));
  }

  public static ObjectNode configMap(String name) {
    return Json.object(
        "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'%s'},'data':{'k':'v'}}".formatted(name));
  }

  /**
   * A VirtualService (networking.istio.io/v1beta1) for host web: a "primary" route matched on a header,
   * stable 100 / canary 0, then a "fallback" route to stable.
   */
  public static ObjectNode virtualService(String name) {
    return Json.object(
        """
        {'apiVersion':'networking.istio.io/v1beta1','kind':'VirtualService','metadata':{'name':'%s'},
         'spec':{'hosts':['web'],'gateways':['mesh'],'http':[
           {'name':'primary','match':[{'headers':{'x-canary':{'exact':'1'}}}],
            'route':[{'destination':{'host':'web-stable'},'weight':100},{'destination':{'host':'web-canary'},'weight':0}]},
           {'name':'fallback','route':[{'destination':{'host':'web-stable'}}]}]}}"""
            .formatted(name));
  }

  /**
   * A ReplicaSet whose selector and template labels are app=APP, rollouts-pod-template-hash=HASH, with
   * one container of {@code image}.
   */
  public static ObjectNode replicaSet(String name, String app, String hash, int replicas, String image) {
    return Json.object(
        """
        {'apiVersion':'apps/v1','kind':'ReplicaSet','metadata':{'name':'%1$s'},
         'spec':{'replicas':%4$d,
          'selector':{'matchLabels':{'app':'%2$s','rollouts-pod-template-hash':'%3$s'}},
          'template':{'metadata':{'labels':{'app':'%2$s','rollouts-pod-template-hash':'%3$s'}},
           'spec':{'containers':[{'name':'app','image':'%5$s'}]}}}}"""
            .formatted(name, app, hash, replicas, image));
  }

  /** Adds labels (key, value, key, value, ...) to an object's metadata and returns it. */
  public static ObjectNode labelled(ObjectNode object, String... keyValues) {
    ObjectNode labels = object.withObjectProperty("metadata").withObjectProperty("labels");
    for (int i = 0; i < keyValues.length; i += 2) {
      labels.put(keyValues[i], keyValues[i + 1]);
    }
    return object;
  }

  /** DeleteOptions with a propagation policy: Background, Foreground or Orphan. */
  public static ObjectNode propagation(String policy) {
    return Json.object("{'kind':'DeleteOptions','apiVersion':'v1','propagationPolicy':'%s'}".formatted(policy));
  }
}
