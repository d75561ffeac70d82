package dev.ramp.sandbox.registry;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes' version priority (v1 > v1beta2 > v1beta1 > v1alpha1 > other), as discovery orders versions. */
public final class KubeVersions {
  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private KubeVersions() {}

  /** Highest priority first. */
  public static final Comparator<String> PRIORITY = (a, b) -> {
    Matcher ma = KUBE.matcher(a);
    Matcher mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka == kb ? a.compareTo(b) : ka ? -1 : 1;
    }
    int stageA = stage(ma.group(2));
    int stageB = stage(mb.group(2));
    if (stageA != stageB) {
      return Integer.compare(stageB, stageA);
    }
    int major = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
    if (major != 0) {
      return major;
    }
    int minorA = ma.group(3) == null ? 0 : Integer.parseInt(ma.group(3));
    int minorB = mb.group(3) == null ? 0 : Integer.parseInt(mb.group(3));
    return Integer.compare(minorB, minorA);
  };

  private static int stage(String stage) {
    return stage == null ? 3 : stage.equals("beta") ? 2 : 1;
  }
}
