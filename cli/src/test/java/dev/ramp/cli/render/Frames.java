package dev.ramp.cli.render;

/** AnalysisRuns as the analysis controller writes them, for the frames' tests. */
final class Frames {
  private Frames() {}

  static final String STEP_RUN = """
      {"apiVersion":"ramp.dev/v1alpha1","kind":"AnalysisRun",
       "metadata":{"name":"web-hash3-step-2","namespace":"shop","creationTimestamp":"2026-03-01T10:01:00Z",
         "labels":{"ramp.dev/analysis":"step-2","rollouts-pod-template-hash":"hash3"}},
       "spec":{"metrics":[
         {"name":"success-rate","interval":"30s","count":3,"successCondition":"result[0] >= 0.95",
          "provider":{"prometheus":{"address":"http://prometheus:9090","query":"q"}}},
         {"name":"latency-p99","interval":"30s","count":3,"successCondition":"result[0] < 0.5",
          "provider":{"prometheus":{"address":"http://prometheus:9090","query":"q"}}}]},
       "status":{"phase":"Running","startedAt":"2026-03-01T10:01:00Z",
         "metricResults":[
           {"name":"success-rate","phase":"Running","count":2,"successful":2,
            "measurements":[{"phase":"Successful","value":"[0.982]"},{"phase":"Successful","value":"[0.991]"}]},
           {"name":"latency-p99","phase":"Running","count":1,"error":1,"successful":1,
            "measurements":[{"phase":"Successful","value":"[0.21]"},
              {"phase":"Error","message":"Prometheus at http://prometheus:9090: connection refused"}]}]}}""";
}
