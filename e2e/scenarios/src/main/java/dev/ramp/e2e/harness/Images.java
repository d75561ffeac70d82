package dev.ramp.e2e.harness;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images the scenarios' manifests name ({@code ghcr.io/ramp-dev/demo-app:1.0}, {@code :1.1}, ...,
 * {@code :broken}) and what runs for them. The sandbox's kubelet stand-in runs any name; a real cluster
 * runs {@code registry.k8s.io/pause} tags in their place (one tag per demo-app version, so each version is
 * its own revision), and a tag that does not exist where a revision must never become ready.
 */
public final class Images {
  /** The demo application every scenario deploys; its versions are the revisions. */
  public static final String DEMO_APP = "ghcr.io/ramp-dev/demo-app";
  private static final Pattern DEMO_IMAGE = Pattern.compile(Pattern.quote(DEMO_APP) + ":([A-Za-z0-9._-]+)");
  private static final Map<String, String> PAUSE_TAGS = Map.of("1.0", "3.8", "1.1", "3.9", "1.2", "3.10");

  private final boolean sandbox;

  private Images(boolean sandbox) {
    this.sandbox = sandbox;
  }

  public static Images sandbox() {
    return new Images(true);
  }

  public static Images realCluster() {
    return new Images(false);
  }

  /** {@code ghcr.io/ramp-dev/demo-app:VERSION}. */
  public static String demoApp(String version) {
    return DEMO_APP + ":" + version;
  }

  /** The image that runs for one the manifests name. */
  public String resolve(String image) {
    if (sandbox) {
      return image;
    }
    Matcher m = DEMO_IMAGE.matcher(image);
    if (!m.matches()) {
      return image;
    }
    String tag = PAUSE_TAGS.get(m.group(1));
    return tag != null ? "registry.k8s.io/pause:" + tag : "registry.k8s.io/pause:ramp-e2e-never-ready-" + m.group(1);
  }

  /** A manifest's text with every demo-app image replaced by the one that runs for it. */
  public String resolveIn(String manifest) {
    if (sandbox) {
      return manifest;
    }
    Matcher m = DEMO_IMAGE.matcher(manifest);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
