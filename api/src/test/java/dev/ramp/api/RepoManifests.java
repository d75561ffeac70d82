package dev.ramp.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifests of the repository that must fit the CRDs: everything under {@code examples/}
 * and every module's {@code src/test/resources}. A fixture that is meant to be rejected lives in a
 * folder named {@code invalid} (or its file name starts with {@code invalid}), and is skipped.
 */
final class RepoManifests {
  private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", ".mvn", "node_modules", ".idea");

  private RepoManifests() {}

  /** The repository's root: the parent of the api module, where surefire runs. */
  static Path repoRoot() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path root = module.getParent();
    if (root == null || !Files.isDirectory(root.resolve("crds"))) {
      throw new IllegalStateException("cannot find the repository root (with crds/) above " + module);
    }
    return root;
  }

  static List<Path> files() {
    Path root = repoRoot();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
          .map(root::relativize)
          .filter(RepoManifests::isChecked)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isChecked(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (SKIPPED_FOLDERS.contains(name) || name.equals("invalid") || name.startsWith("invalid")) {
        return false;
      }
    }
    String unix = relative.toString().replace('\\', '/');
    return unix.startsWith("examples/") || unix.contains("src/test/resources/");
  }
}
