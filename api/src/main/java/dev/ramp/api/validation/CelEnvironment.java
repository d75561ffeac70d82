package dev.ramp.api.validation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The CEL environment of {@code x-kubernetes-validations}: the standard library and macros, the
 * string, optional, set and list extensions, and the Kubernetes list and regex functions
 * ({@code isSorted}, {@code sum}, {@code min}, {@code max}, {@code indexOf}, {@code lastIndexOf},
 * {@code find}, {@code findAll}).
 */
final class CelEnvironment {

  static final CelOptions OPTIONS = CelOptions.current()
      .enableOptionalSyntax(true)
      .enableHeterogeneousNumericComparisons(true)
      .build();

  private static final TypeParamType T = TypeParamType.create("T");

  private static final Cel BASE = CelFactory.standardCelBuilder()
      .setOptions(OPTIONS)
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(OPTIONS),
          CelExtensions.lists())
      .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.sets(OPTIONS),
          CelExtensions.lists())
      .addFunctionDeclarations(kubernetesFunctions())
      .addFunctionBindings(kubernetesBindings())
      .build();

  private CelEnvironment() {}

  /** An environment where {@code self} and {@code oldSelf} have the given type. */
  static Cel forSelf(CelTypeProvider types, CelType self, boolean optionalOldSelf) {
    return BASE.toCelBuilder()
        .setTypeProvider(types)
        .addVar("self", self)
        .addVar("oldSelf", optionalOldSelf ? OptionalType.create(self) : self)
        .build();
  }

  private static List<CelFunctionDecl> kubernetesFunctions() {
    ListType listOfT = ListType.create(T);
    ListType listOfString = ListType.create(SimpleType.STRING);
    return List.of(
        CelFunctionDecl.newFunctionDeclaration("isSorted",
            CelOverloadDecl.newMemberOverload("list_is_sorted", SimpleType.BOOL, listOfT)),
        CelFunctionDecl.newFunctionDeclaration("sum",
            CelOverloadDecl.newMemberOverload("list_sum", T, listOfT)),
        CelFunctionDecl.newFunctionDeclaration("min",
            CelOverloadDecl.newMemberOverload("list_min", T, listOfT)),
        CelFunctionDecl.newFunctionDeclaration("max",
            CelOverloadDecl.newMemberOverload("list_max", T, listOfT)),
        CelFunctionDecl.newFunctionDeclaration("indexOf",
            CelOverloadDecl.newMemberOverload("list_index_of", SimpleType.INT, listOfT, T)),
        CelFunctionDecl.newFunctionDeclaration("lastIndexOf",
            CelOverloadDecl.newMemberOverload("list_last_index_of", SimpleType.INT, listOfT, T)),
        CelFunctionDecl.newFunctionDeclaration("find",
            CelOverloadDecl.newMemberOverload("string_find", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration("findAll",
            CelOverloadDecl.newMemberOverload("string_find_all", listOfString, SimpleType.STRING, SimpleType.STRING),
            CelOverloadDecl.newMemberOverload("string_find_all_n", listOfString, SimpleType.STRING,
                SimpleType.STRING, SimpleType.INT)));
  }

  private static List<CelFunctionBinding> kubernetesBindings() {
    return List.of(
        CelFunctionBinding.from("list_is_sorted", List.class, CelEnvironment::isSorted),
        CelFunctionBinding.from("list_sum", List.class, CelEnvironment::sum),
        CelFunctionBinding.from("list_min", List.class, list -> extreme(list, -1, "min")),
        CelFunctionBinding.from("list_max", List.class, list -> extreme(list, 1, "max")),
        CelFunctionBinding.from("list_index_of", List.class, Object.class, (list, v) -> (long) list.indexOf(v)),
        CelFunctionBinding.from("list_last_index_of", List.class, Object.class,
            (list, v) -> (long) list.lastIndexOf(v)),
        CelFunctionBinding.from("string_find", String.class, String.class, (s, re) -> {
          Matcher m = Pattern.compile(re).matcher(s);
          return m.find() ? m.group() : "";
        }),
        CelFunctionBinding.from("string_find_all", String.class, String.class, (s, re) -> findAll(s, re, -1)),
        CelFunctionBinding.from("string_find_all_n", List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean isSorted(List list) {
    for (int i = 1; i < list.size(); i++) {
      if (((Comparable) list.get(i - 1)).compareTo(list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Object sum(List<?> list) {
    if (list.stream().anyMatch(Double.class::isInstance)) {
      return list.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
    }
    long total = 0;
    for (Object v : list) {
      total = Math.addExact(total, ((Number) v).longValue());
    }
    return total;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object extreme(List list, int sign, String name) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException(name + " called on empty list");
    }
    Object best = list.get(0);
    for (Object v : list) {
      if (Integer.signum(((Comparable) v).compareTo(best)) == sign) {
        best = v;
      }
    }
    return best;
  }

  private static List<String> findAll(String s, String re, long limit) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(re).matcher(s);
    while ((limit < 0 || out.size() < limit) && m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
