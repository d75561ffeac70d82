package dev.ramp.analysis.condition;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles metric conditions (CEL over {@code result}) once and keeps them; thread-safe.
 *
 * <p>{@code result} is the list of measured values ({@code result[0] >= 0.95}, {@code size(result) == 0},
 * {@code result.all(v, v < 0.01)}); when the query gave exactly one value, {@code result} may also be
 * used as that number ({@code result >= 0.95}). To have both and still type-check before any run, each
 * condition is compiled twice, with {@code result} as {@code list(double)} and as {@code double}; it is
 * valid if either compiles, and the form that fits the values decides at evaluation.
 *
 * <p>Helpers beyond standard CEL: {@code isNaN(x)}, {@code isInf(x)} (either infinity) and
 * {@code default(x, y)}, which is {@code y} when {@code x} is NaN and {@code x} otherwise. Ints and
 * doubles compare with each other ({@code result[0] > 0}); arithmetic needs both sides of one type.
 */
public final class Conditions {

  private static final int CACHE_SIZE = 2048;

  private static final CelOptions OPTIONS =
      CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

  private static final List<CelFunctionDecl> HELPERS = List.of(
      CelFunctionDecl.newFunctionDeclaration("isNaN",
          CelOverloadDecl.newGlobalOverload("ramp_isNaN_double", SimpleType.BOOL, SimpleType.DOUBLE)),
      CelFunctionDecl.newFunctionDeclaration("isInf",
          CelOverloadDecl.newGlobalOverload("ramp_isInf_double", SimpleType.BOOL, SimpleType.DOUBLE)),
      CelFunctionDecl.newFunctionDeclaration("default",
          CelOverloadDecl.newGlobalOverload(
              "ramp_default_double_double", SimpleType.DOUBLE, SimpleType.DOUBLE, SimpleType.DOUBLE)));

  private static final CelCompiler LIST_FORM = compiler(ListType.create(SimpleType.DOUBLE));
  private static final CelCompiler SINGLE_FORM = compiler(SimpleType.DOUBLE);

  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .setOptions(OPTIONS)
      .addFunctionBindings(
          CelFunctionBinding.from("ramp_isNaN_double", Double.class, x -> x.isNaN()),
          CelFunctionBinding.from("ramp_isInf_double", Double.class, x -> x.isInfinite()),
          CelFunctionBinding.from("ramp_default_double_double", Double.class, Double.class,
              (x, fallback) -> x.isNaN() ? fallback : x))
      .build();

  /** Compiled conditions and problems alike, so a bad expression is not compiled again on every measurement. */
  private final Map<String, Object> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  private static CelCompiler compiler(CelType resultType) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setOptions(OPTIONS)
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar("result", resultType)
        .addFunctionDeclarations(HELPERS)
        .build();
  }

  /** What is wrong with a condition, or empty when it compiles. */
  public Optional<ConditionProblem> check(String expression) {
    return cached(expression) instanceof ConditionProblem problem ? Optional.of(problem) : Optional.empty();
  }

  /**
   * The compiled condition.
   *
   * @throws InvalidConditionException when it does not compile
   */
  public CompiledCondition compile(String expression) {
    Object compiled = cached(expression);
    if (compiled instanceof ConditionProblem problem) {
      throw new InvalidConditionException(problem);
    }
    return (CompiledCondition) compiled;
  }

  private Object cached(String expression) {
    Object hit = cache.get(expression);
    if (hit != null) {
      return hit;
    }
    Object compiled = compileNow(expression);
    cache.put(expression, compiled);
    return compiled;
  }

  private static Object compileNow(String expression) {
    if (expression.isBlank()) {
      return new ConditionProblem(expression, 1, 1, "the condition is empty");
    }
    Function<CelCompiler, Object> form = compiler -> {
      CelValidationResult result = compiler.compile(expression);
      if (result.hasError()) {
        return result.getAllIssues();
      }
      try {
        return result.getAst();
      } catch (Exception e) {
        throw new IllegalStateException("CEL reported no error but gave no AST for " + expression, e);
      }
    };
    Object listForm = form.apply(LIST_FORM);
    Object singleForm = form.apply(SINGLE_FORM);
    Optional<CelAbstractSyntaxTree> list = boolAst(listForm);
    Optional<CelAbstractSyntaxTree> single = boolAst(singleForm);
    if (list.isPresent() || single.isPresent()) {
      return new CompiledCondition(
          expression,
          list.map(ast -> program(ast)),
          single.map(ast -> program(ast)));
    }
    return problem(expression, listForm, singleForm);
  }

  private static Optional<CelAbstractSyntaxTree> boolAst(Object form) {
    return form instanceof CelAbstractSyntaxTree ast && ast.getResultType().equals(SimpleType.BOOL)
        ? Optional.of(ast)
        : Optional.empty();
  }

  private static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
    try {
      return RUNTIME.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("CEL could not plan a checked expression", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ConditionProblem problem(String expression, Object listForm, Object singleForm) {
    // A non-boolean expression compiles: say what it gives.
    for (Object form : List.of(singleForm, listForm)) {
      if (form instanceof CelAbstractSyntaxTree ast) {
        String type = ast.getResultType().name();
        String article = type.matches("^[aeiou].*") ? "an " : "a ";
        return new ConditionProblem(expression, 1, 1,
            "a condition must be true or false, this one gives " + article + type);
      }
    }
    List<CelIssue> listIssues = (List<CelIssue>) listForm;
    List<CelIssue> singleIssues = (List<CelIssue>) singleForm;
    // When the list form fails only because result is a list, the author meant the single value.
    boolean meantSingle = listIssues.stream().anyMatch(i -> i.getMessage().contains("list(double)"));
    CelIssue issue = (meantSingle ? singleIssues : listIssues).get(0);
    return new ConditionProblem(
        expression,
        Math.max(1, issue.getSourceLocation().getLine()),
        issue.getSourceLocation().getColumn() + 1,
        readable(issue.getMessage()));
  }

  private static String readable(String message) {
    String text = message
        .replaceAll(" \\(candidates: .*\\)$", "")
        .replace(" (in container '')", "");
    if (text.contains("(double, int)") || text.contains("(int, double)")) {
      if (text.contains("'_+_'") || text.contains("'_-_'") || text.contains("'_*_'") || text.contains("'_/_'")
          || text.contains("'_%_'")) {
        text += "; write numbers with a decimal point (100.0): CEL does not mix int and double in arithmetic";
      }
    }
    return text;
  }
}
