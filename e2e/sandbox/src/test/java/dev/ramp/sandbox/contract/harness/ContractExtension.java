package dev.ramp.sandbox.contract.harness;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link ContractTest} against both targets, the inactive one skipped. The cluster is opened
 * once per run (the root store closes it at the end); each test class gets its own {@link Contract}
 * and namespace (the class store deletes it after the class).
 */
public final class ContractExtension implements TestTemplateInvocationContextProvider {
  static final String NO_KUBECONFIG = "KUBECONFIG not set: contract suite ran against the sandbox only";
  static final String KUBECONFIG_SET = "KUBECONFIG set: contract suite ran against the real cluster only";

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(ContractExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(ContractTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    return Stream.of(invocation(Target.SANDBOX), invocation(Target.REAL_CLUSTER));
  }

  private static TestTemplateInvocationContext invocation(Target target) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + target.label() + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new OnlyActiveTarget(target), new ContractResolver(target));
      }
    };
  }

  private record OnlyActiveTarget(Target target) implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (target == Target.active()) {
        return ConditionEvaluationResult.enabled("running against the " + target.label());
      }
      return ConditionEvaluationResult.disabled(target == Target.REAL_CLUSTER ? NO_KUBECONFIG : KUBECONFIG_SET);
    }
  }

  private record ContractResolver(Target target) implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == Contract.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Cluster cluster =
          context.getRoot().getStore(STORE).getOrComputeIfAbsent("cluster:" + target, k -> Cluster.open(target), Cluster.class);
      ExtensionContext classContext = classContext(context);
      Class<?> testClass = classContext.getRequiredTestClass();
      return classContext
          .getStore(STORE)
          .getOrComputeIfAbsent("contract:" + target, k -> Contract.open(cluster, testClass), Contract.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
      ExtensionContext current = context;
      while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
        current = current.getParent().get();
      }
      return current;
    }
  }
}
