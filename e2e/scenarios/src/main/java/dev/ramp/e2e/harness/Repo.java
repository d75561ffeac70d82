package dev.ramp.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository is, so the scenarios find {@code crds/}, {@code examples/} and the controller's jar. */
public final class Repo {
  private Repo() {}

  /**
   * The repository's root: the {@code ramp.repo} system property if set, else the first folder at or
   * above the working directory that holds {@code crds/rollout.yaml} and {@code controller/pom.xml}.
   */
  public static Path root() {
    String configured = System.getProperty("ramp.repo", "");
    if (!configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("crds/rollout.yaml")) && Files.isRegularFile(dir.resolve("controller/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the Ramp repository (crds/ and controller/) at or above " + start
        + "; set -Dramp.repo=PATH");
  }

  /** The controller as it ships: {@code controller/target/ramp-controller.jar}, with how to build it if missing. */
  public static Path controllerJar() {
    Path jar = root().resolve("controller/target/ramp-controller.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the controller's jar " + jar + " is missing: build it with "
          + "`./mvnw -B -o -pl controller -am -DskipTests package` (a reactor `./mvnw verify` packages it before"
          + " the scenarios run)");
    }
    return jar;
  }

  /** The module's {@code target/} folder, for logs (the scenarios module's, wherever Maven runs from). */
  public static Path target() {
    Path module = root().resolve("e2e/scenarios");
    return Optional.of(module).filter(Files::isDirectory).orElse(root()).resolve("target");
  }
}
