package dev.ramp.cli.testing;

/** Manifests the plugin's tests start from. */
public final class Rollouts {
  private Rollouts() {}

  /** A canary of six steps: setWeight 20, pause until promoted, analysis, setWeight 50, pause 1m, setWeight 80. */
  public static String canary(String namespace, String name, String image) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          replicas: 4
          selector:
            matchLabels: {app: %2$s}
          template:
            metadata:
              labels: {app: %2$s}
            spec:
              containers:
              - name: %2$s
                image: %3$s
          strategy:
            canary:
              steps:
              - setWeight: 20
              - pause: {}
              - analysis:
                  templates:
                  - templateName: success-rate
              - setWeight: 50
              - pause: {duration: 1m}
              - setWeight: 80
        """.formatted(namespace, name, image);
  }

  public static String blueGreen(String namespace, String name, String image) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: %2$s
          namespace: %1$s
        spec:
          replicas: 2
          selector:
            matchLabels: {app: %2$s}
          template:
            metadata:
              labels: {app: %2$s}
            spec:
              containers:
              - name: %2$s
                image: %3$s
          strategy:
            blueGreen:
              activeService: %2$s-active
              previewService: %2$s-preview
              autoPromotionEnabled: false
        """.formatted(namespace, name, image);
  }
}
