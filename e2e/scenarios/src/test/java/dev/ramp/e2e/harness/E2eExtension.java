package dev.ramp.e2e.harness;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each scenario test a {@link Scenario}: one {@link Environment} (sandbox or real cluster, with the
 * controller's jar running) shared by every scenario of the run, a fresh namespace per test. When a
 * scenario fails, its timeline and the controller's log since it began are printed; a controller that
 * died during a scenario fails it.
 */
public final class E2eExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(E2eExtension.class);

  /** The run's environment, closed when every test has run. */
  static Environment environment(ExtensionContext context) {
    return context.getRoot().getStore(STORE)
        .getOrComputeIfAbsent("environment", key -> new SharedEnvironment(Environment.start(Environment.Options.defaults())),
            SharedEnvironment.class)
        .environment();
  }

  private record SharedEnvironment(Environment environment)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      environment.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    // a scenario that stopped the controller and failed before starting it again leaves it stopped
    environment(context).controller().start();
    context.getStore(STORE).put("started", Instant.now());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Scenario.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String name = context.getRequiredTestClass().getSimpleName().replace("Test", "") + "-"
        + context.getRequiredTestMethod().getName();
    Scenario scenario = Scenario.open(environment(context), name);
    context.getStore(STORE).put("scenario", scenario);
    return scenario;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Scenario scenario = context.getStore(STORE).remove("scenario", Scenario.class);
    Instant started = context.getStore(STORE).remove("started", Instant.class);
    if (scenario == null) {
      return;
    }
    Environment environment = environment(context);
    boolean crashed = environment.controller().crashed();
    try {
      if (context.getExecutionException().isPresent() || crashed) {
        System.out.println(scenario.report());
      }
      if (Boolean.getBoolean("ramp.e2e.timelines")) {
        System.out.println("===== " + scenario.name() + " took "
            + Duration.between(started, Instant.now()).toMillis() / 1000.0 + " s\n" + scenario.timeline().render());
      }
    } finally {
      scenario.close();
    }
    if (crashed) {
      throw new AssertionError("the controller exited on its own during scenario " + scenario.name()
          + "; its log is above and in " + environment.controller().log());
    }
  }
}
