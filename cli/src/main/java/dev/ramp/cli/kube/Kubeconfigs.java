package dev.ramp.cli.kube;

import dev.ramp.cli.CliException;
import dev.ramp.cli.ExitCode;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds and reads the kubeconfig as kubectl does: {@code --kubeconfig}, else every file of
 * {@code KUBECONFIG} merged (the first file to name a context, cluster or user wins, and the first
 * {@code current-context} counts), else {@code ~/.kube/config}; inside a pod without any, the pod's
 * service account. Each problem is said with the file it is in.
 */
public final class Kubeconfigs {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  private static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private Kubeconfigs() {}

  /** The global options, as given. */
  public record Options(Optional<String> kubeconfig, Optional<String> context, Optional<String> namespace) {}

  public static Connection connect(Options options, Map<String, String> env) {
    List<Path> files = files(options.kubeconfig(), env);
    List<Path> existing = files.stream().filter(Files::isRegularFile).toList();
    if (existing.isEmpty()) {
      if (options.kubeconfig().isPresent()) {
        throw new CliException(ExitCode.CLUSTER, "kubeconfig " + options.kubeconfig().get() + " does not exist (--kubeconfig)");
      }
      if (env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isDirectory(SERVICE_ACCOUNT)) {
        return inCluster(options);
      }
      if (env.containsKey("KUBECONFIG") && !env.get("KUBECONFIG").isBlank()) {
        throw new CliException(ExitCode.CLUSTER, "no kubeconfig: none of the files in KUBECONFIG exist ("
            + env.get("KUBECONFIG") + ")");
      }
      throw new CliException(ExitCode.CLUSTER, "no kubeconfig: " + files.get(0)
          + " does not exist; set KUBECONFIG or pass --kubeconfig");
    }
    Merged merged = merge(existing);
    String where = existing.size() == 1 ? existing.get(0).toString()
        : existing.stream().map(Path::toString).collect(Collectors.joining(":"));
    String contextName = options.context().or(() -> merged.currentContext)
        .orElseThrow(() -> new CliException(ExitCode.CLUSTER, "kubeconfig " + where + " names no current-context; pass"
            + " --context (contexts: " + names(merged.contexts) + ")"));
    Map<String, Object> context = find(merged.contexts, contextName).orElseThrow(() -> new CliException(
        ExitCode.CLUSTER, "context \"" + contextName + "\" is not in kubeconfig " + where + " (contexts: "
            + names(merged.contexts) + ")"));
    Map<String, Object> contextBody = map(context.get("context"));
    String clusterName = String.valueOf(contextBody.getOrDefault("cluster", ""));
    Map<String, Object> cluster = find(merged.clusters, clusterName).orElseThrow(() -> new CliException(
        ExitCode.CLUSTER, "context \"" + contextName + "\" names cluster \"" + clusterName + "\", which kubeconfig "
            + where + " does not define"));
    String server = String.valueOf(map(cluster.get("cluster")).getOrDefault("server", ""));
    if (server.isBlank()) {
      throw new CliException(ExitCode.CLUSTER, "cluster \"" + clusterName + "\" in kubeconfig " + where
          + " has no server URL");
    }
    String description = "context " + contextName + " in " + where;
    KubeConfig config = new KubeConfig(merged.contexts, merged.clusters, merged.users);
    config.setContext(contextName);
    config.setFile(existing.get(0).toFile());
    ApiClient client;
    try {
      client = ClientBuilder.kubeconfig(config).build();
    } catch (IOException | RuntimeException e) {
      throw new CliException(ExitCode.CLUSTER, "invalid kubeconfig " + where + " (context " + contextName + "): "
          + e.getMessage(), e);
    }
    withTimeouts(client);
    String namespace = options.namespace()
        .or(() -> Optional.ofNullable(contextBody.get("namespace")).map(String::valueOf).filter(s -> !s.isBlank()))
        .orElse("default");
    return new Connection(new Cluster(client, server, description), namespace, description);
  }

  /** The files to read, in order: {@code --kubeconfig}, else KUBECONFIG's list, else ~/.kube/config. */
  static List<Path> files(Optional<String> flag, Map<String, String> env) {
    if (flag.isPresent()) {
      return List.of(Path.of(flag.get()));
    }
    String list = env.getOrDefault("KUBECONFIG", "");
    if (!list.isBlank()) {
      List<Path> paths = new ArrayList<>();
      for (String part : list.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          paths.add(Path.of(part));
        }
      }
      return paths;
    }
    String home = Optional.ofNullable(env.get("HOME")).filter(h -> !h.isBlank())
        .orElse(System.getProperty("user.home"));
    return List.of(Path.of(home, ".kube", "config"));
  }

  private static final class Merged {
    final ArrayList<Object> contexts = new ArrayList<>();
    final ArrayList<Object> clusters = new ArrayList<>();
    final ArrayList<Object> users = new ArrayList<>();
    Optional<String> currentContext = Optional.empty();
  }

  private static Merged merge(List<Path> files) {
    Merged merged = new Merged();
    for (Path file : files) {
      Map<String, Object> document = read(file);
      Path dir = file.toAbsolutePath().getParent();
      addNew(merged.contexts, document.get("contexts"), file, entry -> {});
      addNew(merged.clusters, document.get("clusters"), file,
          entry -> absolute(map(entry.get("cluster")), dir, "certificate-authority"));
      addNew(merged.users, document.get("users"), file, entry -> {
        Map<String, Object> user = map(entry.get("user"));
        absolute(user, dir, "client-certificate", "client-key", "tokenFile");
      });
      if (merged.currentContext.isEmpty()) {
        merged.currentContext = Optional.ofNullable(document.get("current-context")).map(String::valueOf)
            .filter(s -> !s.isBlank());
      }
    }
    return merged;
  }

  private static Map<String, Object> read(Path file) {
    Object document;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot read kubeconfig " + file + ": " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new CliException(ExitCode.CLUSTER, "invalid kubeconfig " + file + ": not YAML: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (document == null) {
      return Map.of();
    }
    if (!(document instanceof Map)) {
      throw new CliException(ExitCode.CLUSTER, "invalid kubeconfig " + file + ": not a Config object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) document;
    return map;
  }

  private static void addNew(ArrayList<Object> into, Object entries, Path file,
      java.util.function.Consumer<Map<String, Object>> fix) {
    if (entries == null) {
      return;
    }
    if (!(entries instanceof List<?> list)) {
      throw new CliException(ExitCode.CLUSTER, "invalid kubeconfig " + file + ": contexts, clusters and users must be lists");
    }
    for (Object entry : list) {
      Map<String, Object> named = new LinkedHashMap<>(map(entry));
      Object name = named.get("name");
      if (name == null) {
        throw new CliException(ExitCode.CLUSTER, "invalid kubeconfig " + file + ": an entry without a name");
      }
      if (find(into, String.valueOf(name)).isEmpty()) {
        fix.accept(named);
        into.add(named);
      }
    }
  }

  private static void absolute(Map<String, Object> section, Path dir, String... keys) {
    for (String key : keys) {
      Object value = section.get(key);
      if (value instanceof String path && !path.isBlank() && !Path.of(path).isAbsolute() && dir != null) {
        section.put(key, dir.resolve(path).toString());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
  }

  private static Optional<Map<String, Object>> find(List<Object> entries, String name) {
    return entries.stream().map(Kubeconfigs::map).filter(e -> name.equals(String.valueOf(e.get("name"))))
        .findFirst();
  }

  private static String names(List<Object> entries) {
    String names = entries.stream().map(e -> String.valueOf(map(e).get("name"))).collect(Collectors.joining(", "));
    return names.isEmpty() ? "none" : names;
  }

  private static Connection inCluster(Options options) {
    try {
      ApiClient client = ClientBuilder.cluster().build();
      withTimeouts(client);
      String namespace = options.namespace().orElseGet(() -> {
        try {
          return Files.readString(SERVICE_ACCOUNT.resolve("namespace")).strip();
        } catch (IOException e) {
          return "default";
        }
      });
      return new Connection(new Cluster(client, client.getBasePath(), "the pod's service account"), namespace,
          "the pod's service account");
    } catch (IOException e) {
      throw new CliException(ExitCode.CLUSTER, "cannot use the pod's service account: " + e.getMessage(), e);
    }
  }

  private static void withTimeouts(ApiClient client) {
    client.setHttpClient(client.getHttpClient().newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .readTimeout(READ_TIMEOUT)
        .build());
  }
}
