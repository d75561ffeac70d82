package dev.ramp.cli.commands;

import dev.ramp.api.rollout.Rollout;
import dev.ramp.cli.core.Decision;
import dev.ramp.cli.core.RolloutSnapshot;
import dev.ramp.cli.kube.Connection;
import dev.ramp.cli.kube.RolloutClient;
import dev.ramp.cli.kube.RolloutWriter;
import dev.ramp.cli.kube.RolloutWriter.Applied;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the commands that change a rollout share: the rollout's name, {@code --timeout}, and the
 * flow read → decide → write with resourceVersion → wait for the controller → say what happened.
 */
abstract class WriteCommand {
  protected final Env env;

  @Parameters(index = "0", paramLabel = "NAME", description = "The rollout")
  String name;

  @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for the controller to acknowledge (default 30s; 0: do not wait)")
  Duration timeout = Duration.ofSeconds(30);

  WriteCommand(Env env) {
    this.env = env;
  }

  @Spec
  CommandSpec spec;

  /** The options given to {@code kubectl ramp} itself, wherever this command sits in the tree. */
  GlobalOptions global() {
    return ((RampCommand) spec.root().userObject()).global();
  }

  /**
   * @param action the noun for messages ({@code abort})
   * @param decide the command's decision on the rollout as read
   * @param report what happened, from the rollout before and after the controller's acknowledgement
   */
  int write(String action, Function<RolloutSnapshot, Decision> decide,
      BiFunction<RolloutSnapshot, Rollout, String> report) {
    return write(action, decide, report, before -> Optional.empty());
  }

  /**
   * @param unawaitedNote what a person must know even when not waiting for the controller
   *     ({@code --timeout 0}), from the rollout as it was before the write
   */
  int write(String action, Function<RolloutSnapshot, Decision> decide,
      BiFunction<RolloutSnapshot, Rollout, String> report, Function<RolloutSnapshot, Optional<String>> unawaitedNote) {
    Connection connection = global().connect(env);
    RolloutWriter writer = new RolloutWriter(new RolloutClient(connection.cluster()), env.clock(), env.sleeper());
    Applied applied = writer.apply(connection.namespace(), name, action, decide, timeout);
    String message;
    if (applied instanceof Applied.Acknowledged ack) {
      message = report.apply(ack.before(), ack.after());
    } else if (applied instanceof Applied.NotAwaited notAwaited) {
      message = "wrote the " + action + " of rollout " + name + "; not waiting for the controller (--timeout 0)"
          + unawaitedNote.apply(notAwaited.before()).map(note -> "; " + note).orElse("");
    } else {
      message = ((Applied.AlreadyDone) applied).message();
    }
    env.out().println(message);
    env.out().flush();
    return 0;
  }
}
