package dev.ramp.controller.rollout;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields in which two records differ, as "path: a -> b", for readable test failures. */
final class StatusDiff {
  private StatusDiff() {}

  static List<String> between(Object a, Object b) {
    List<String> out = new ArrayList<>();
    diff("status", a, b, out);
    return out;
  }

  private static void diff(String path, Object a, Object b, List<String> out) {
    if (Objects.equals(a, b)) {
      return;
    }
    if (a != null && b != null && a.getClass().isRecord() && a.getClass() == b.getClass()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          diff(path + "." + c.getName(), c.getAccessor().invoke(a), c.getAccessor().invoke(b), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        diff(path + "[" + i + "]", la.get(i), lb.get(i), out);
      }
      return;
    }
    if (a instanceof java.util.Optional<?> oa && b instanceof java.util.Optional<?> ob && oa.isPresent()
        && ob.isPresent()) {
      diff(path, oa.get(), ob.get(), out);
      return;
    }
    out.add(path + ": " + a + " -> " + b);
  }
}
