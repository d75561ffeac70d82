package dev.ramp.cli.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinterTest {
  private static Linter linter;

  @BeforeAll
  static void load() {
    linter = Linter.standard();
  }

  private static final String TEMPLATE = """
      apiVersion: ramp.dev/v1alpha1
      kind: AnalysisTemplate
      metadata:
        name: success-rate
      spec:
        args:
        - name: app
        - name: pod-hash
        metrics:
        - name: success-rate
          interval: 1m
          count: 3
          successCondition: result[0] >= 0.95
          provider:
            prometheus:
              address: http://prometheus:9090
              query: sum(rate(ok{app="{{args.app}}",hash="{{args.pod-hash}}"}[1m]))
      """;

  private static String rollout(String analysisArgs) {
    return """
        apiVersion: ramp.dev/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: web:1
          strategy:
            canary:
              steps:
              - setWeight: 20
              - analysis:
                  templates:
                  - templateName: success-rate
                  args:
        %s""".formatted(analysisArgs.stripIndent().indent(10));
  }

  private static List<String> findings(String... texts) {
    List<Source> sources = Stream.of(texts).map(t -> new Source("app.yaml", t)).toList();
    return linter.lint(sources).findings().stream().map(Finding::toString).toList();
  }

  @Test
  void everyExampleTheProjectShipsIsClean() throws IOException {
    List<Source> sources;
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      sources = files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(f -> {
        try {
          return new Source(f.toString(), Files.readString(f));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }

    LintReport report = linter.lint(sources);

    assertThat(sources).isNotEmpty();
    assertThat(report.errors()).as(report.findings().toString()).isZero();
    assertThat(report.checked()).isGreaterThanOrEqualTo(sources.size());
  }

  @Test
  void schemaErrorsAreWordedAsTheApiServerWordsThem() {
    String tooHeavy = rollout("""
                  - name: app
                    value: web
                  - name: pod-hash
                    valueFrom: {podTemplateHashValue: Latest}""").replace("setWeight: 20", "setWeight: 150");

    assertThat(findings(TEMPLATE, tooHeavy)).containsExactly("app.yaml: Rollout web: "
        + "spec.strategy.canary.steps[0].setWeight: Invalid value: 150: "
        + "spec.strategy.canary.steps[0].setWeight in body should be less than or equal to 100");
  }

  @Test
  void celRulesOfTheCrdAreChecked() {
    String both = rollout("""
                  - name: app
                    value: web
                  - name: pod-hash
                    valueFrom: {podTemplateHashValue: Latest}""")
        .replace("    canary:\n", "    blueGreen: {activeService: a}\n    canary:\n");

    assertThat(findings(TEMPLATE, both)).anySatisfy(f -> assertThat(f)
        .contains("set exactly one of strategy.canary or strategy.blueGreen"));
  }

  @Test
  void aTemplateArgumentTheRolloutDoesNotGiveIsAnError() {
    assertThat(findings(TEMPLATE, rollout("""
                  - name: app
                    value: web"""))).containsExactly("app.yaml: Rollout web: spec.strategy.canary.steps[1].analysis.args:"
        + " AnalysisTemplate \"success-rate\" needs arg \"pod-hash\", which is not given");
  }

  @Test
  void aTemplateOutsideTheFilesIsAWarningNotAnError() {
    LintReport report = linter.lint(List.of(new Source("app.yaml", rollout("""
                  - name: app
                    value: web"""))));

    assertThat(report.errors()).isZero();
    assertThat(report.findings()).extracting(Finding::toString).containsExactly("app.yaml: Rollout web: warning: "
        + "spec.strategy.canary.steps[1].analysis.templates[0]: AnalysisTemplate \"success-rate\" is not in the linted"
        + " files; it must exist in the cluster (in the rollout's namespace)");
  }

  @Test
  void aConditionThatDoesNotCompileIsReportedByTheAnalysisEnginesOwnCheck() {
    String broken = TEMPLATE.replace("result[0] >= 0.95", "result[0] >=");

    assertThat(findings(broken)).singleElement().asString()
        .startsWith("app.yaml: AnalysisTemplate success-rate: spec.metrics[0].successCondition: ");
  }

  @Test
  void anUnknownFieldIsAWarningTheServerWouldDropIt() {
    LintReport report = linter.lint(List.of(new Source("t.yaml", TEMPLATE.replace("  args:\n", "  colour: blue\n  args:\n"))));

    assertThat(report.errors()).isZero();
    assertThat(report.findings()).extracting(Finding::toString)
        .containsExactly("t.yaml: AnalysisTemplate success-rate: warning: spec.colour: unknown field, the API server drops it");
  }

  @Test
  void otherKindsAreCountedNotChecked() {
    LintReport report = linter.lint(List.of(new Source("svc.yaml", """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 80}]}
        """)));

    assertThat(report.findings()).isEmpty();
    assertThat(report.summary()).isEqualTo("0 Ramp objects checked (1 of other kinds not checked): no problems");
  }

  @Test
  void textThatIsNotYamlSaysSo() {
    assertThat(findings("kind: [unclosed")).singleElement().asString().startsWith("app.yaml: not valid YAML");
  }

  @Test
  void aKindRampDoesNotHaveIsNamed() {
    assertThat(findings("apiVersion: ramp.dev/v1alpha1\nkind: Canary\nmetadata: {name: x}\n"))
        .containsExactly("app.yaml: Canary x: kind: ramp.dev has no kind \"Canary\" (kinds: Rollout, AnalysisTemplate,"
            + " ClusterAnalysisTemplate, AnalysisRun)");
  }

  @Test
  void aServiceTheFilesDoNotDefineIsAWarningOnceTheyDefineServices() {
    String withServices = rollout("""
                  - name: app
                    value: web
                  - name: pod-hash
                    valueFrom: {podTemplateHashValue: Latest}""")
        .replace("    canary:\n", "    canary:\n      canaryService: web-canary\n      stableService: web-stable\n");
    String service = "apiVersion: v1\nkind: Service\nmetadata: {name: web-stable}\nspec: {ports: [{port: 80}]}\n";

    assertThat(findings(TEMPLATE, withServices, service)).containsExactly("app.yaml: Rollout web: warning: "
        + "spec.strategy.canary.canaryService: Service \"web-canary\" is not in the linted files; it must exist in the"
        + " cluster");
  }
}
