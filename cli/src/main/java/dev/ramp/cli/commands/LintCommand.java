package dev.ramp.cli.commands;

import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import dev.ramp.cli.lint.Finding;
import dev.ramp.cli.lint.LintReport;
import dev.ramp.cli.lint.Linter;
import dev.ramp.cli.lint.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubectl ramp lint -f FILE}: check manifests as the API server and the controller would, offline. */
@Command(name = "lint", description = {
    "Check Rollouts and AnalysisTemplates offline, as the API server and the controller would.",
    "The CRD schemas and their CEL rules, then what the controller checks: analysis templates and",
    "their args, conditions that compile, selectors, Services. Exits 1 when there are errors."})
final class LintCommand implements Callable<Integer> {
  private final Env env;

  @Option(names = {"-f", "--filename"}, paramLabel = "FILE",
      description = "A manifest file, a folder of them, or - for standard input (repeatable)")
  List<String> files = new ArrayList<>();

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "More files, as with -f")
  List<String> positional = new ArrayList<>();

  LintCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    List<String> all = new ArrayList<>(files);
    all.addAll(positional);
    if (all.isEmpty()) {
      throw new CliException(ExitCode.USAGE, "lint needs a file: kubectl ramp lint -f rollout.yaml");
    }
    List<Source> sources = new ArrayList<>();
    for (String name : all) {
      sources.addAll(read(name));
    }
    LintReport report = Linter.standard().lint(sources);
    for (Finding finding : report.findings()) {
      env.out().println(finding);
    }
    env.out().println(report.summary());
    env.out().flush();
    return report.errors() > 0 ? ExitCode.FAILED.code() : ExitCode.OK.code();
  }

  private static List<Source> read(String name) throws IOException {
    if (name.equals("-")) {
      return List.of(new Source("-", new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.walk(path)) {
        List<Path> manifests = files.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") || p.toString().endsWith(".json"))
            .sorted().toList();
        List<Source> sources = new ArrayList<>();
        for (Path file : manifests) {
          sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return sources;
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(ExitCode.USAGE, "cannot lint " + name + ": no such file or folder");
    }
    return List.of(new Source(name, Files.readString(path, StandardCharsets.UTF_8)));
  }
}
