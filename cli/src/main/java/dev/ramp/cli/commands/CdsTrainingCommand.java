package dev.ramp.cli.commands;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ramp.cli.Main;
import dev.ramp.cli.kube.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Not for people: the launcher runs it once, under {@code -XX:ArchiveClassesAtExit}, so that the
 * class-data-sharing archive holds the classes a real command loads. It serves a canned rollout
 * from a loopback HTTP server and runs {@code status}, {@code list} and a refused {@code abort}
 * against it, exactly as a user's command would run.
 */
@Command(name = "__cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
  private static final Map<String, String> ANSWERS = Map.of(
      "/apis/ramp.dev/v1alpha1/namespaces/default/rollouts/web", "rollout.json",
      "/apis/apps/v1/namespaces/default/replicasets", "replicasets.json",
      "/apis/ramp.dev/v1alpha1/namespaces/default/analysisruns", "analysisruns.json");

  private final Env env;

  CdsTrainingCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", CdsTrainingCommand::answer);
    server.start();
    Path kubeconfig = Files.createTempFile("kubectl-ramp-training", ".yaml");
    try {
      Files.writeString(kubeconfig, """
          apiVersion: v1
          kind: Config
          clusters:
          - name: training
            cluster: {server: "http://127.0.0.1:%d"}
          contexts:
          - name: training
            context: {cluster: training, user: training, namespace: default}
          current-context: training
          users:
          - name: training
            user: {token: training}
          """.formatted(server.getAddress().getPort()));
      StringWriter sink = new StringWriter();
      Env quiet = new Env(Map.of("KUBECONFIG", kubeconfig.toString()), env.clock(), Sleeper.SYSTEM,
          new PrintWriter(sink), new PrintWriter(sink), new Terminal(false, 100, 40, true));
      Env colourful = new Env(Map.of("KUBECONFIG", kubeconfig.toString(), "LANG", "C.UTF-8"), env.clock(),
          Sleeper.SYSTEM, new PrintWriter(sink), new PrintWriter(sink), new Terminal(true, 100, 40, true));
      Main.run(new String[] {"status", "web"}, quiet);
      Main.run(new String[] {"status", "web"}, colourful);
      Main.run(new String[] {"list"}, colourful);
      Main.run(new String[] {"abort", "missing"}, quiet);
      Main.run(new String[] {"promote", "web", "--timeout", "0"}, quiet);
      Main.run(new String[] {"version"}, quiet);
      return 0;
    } finally {
      server.stop(0);
      Files.deleteIfExists(kubeconfig);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String file = ANSWERS.get(exchange.getRequestURI().getPath());
    exchange.getRequestBody().readAllBytes();
    byte[] body;
    int code;
    if (file != null) {
      try (InputStream in = CdsTrainingCommand.class.getResourceAsStream("/dev/ramp/cli/cds/" + file)) {
        body = in.readAllBytes();
      }
      code = 200;
    } else {
      body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,"
          + "\"message\":\"not found\",\"details\":{\"name\":\"missing\"}}").getBytes(StandardCharsets.UTF_8);
      code = 404;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
