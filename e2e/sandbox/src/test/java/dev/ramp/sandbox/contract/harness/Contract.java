package dev.ramp.sandbox.contract.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.Sandbox;
import io.kubernetes.client.openapi.ApiClient;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a contract test works with: the cluster under test and a namespace of the test class's own,
 * created before its first test and deleted after its last. Objects are addressed by {@link Resource}
 * and name inside that namespace.
 */
public final class Contract implements AutoCloseable {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cluster cluster;
  private final String namespace;
  private final List<String> ownNamespaces = new ArrayList<>();

  private Contract(Cluster cluster, String namespace) {
    this.cluster = cluster;
    this.namespace = namespace;
  }

  static Contract open(Cluster cluster, Class<?> testClass) {
    String area = testClass.getSimpleName().replace("ContractTest", "").toLowerCase(Locale.ROOT);
    Contract contract = new Contract(cluster, "ct-" + area.substring(0, Math.min(area.length(), 40)) + "-" + suffix());
    contract.createNamespace(contract.namespace);
    return contract;
  }

  public Target target() {
    return cluster.target();
  }

  public boolean onSandbox() {
    return cluster.target() == Target.SANDBOX;
  }

  /**
   * True when the cluster under test answers {@code difference}'s row differently on purpose (the
   * sandbox), so the test asserts the sandbox's documented answer instead of the real one.
   */
  public boolean sandboxDiffersOn(KnownDifference difference) {
    return onSandbox();
  }

  public String namespace() {
    return namespace;
  }

  public ApiClient api() {
    return cluster.api();
  }

  public ApiClient watchApi() {
    return cluster.watchApi();
  }

  public Wire wire() {
    return cluster.wire();
  }

  public Optional<Sandbox.Kubelet> kubelet() {
    return cluster.kubelet();
  }

  /** Another namespace, {@code ct-<hint>-<random>}, deleted with the class's own. */
  public String newNamespace(String hint) {
    String name = "ct-" + hint + "-" + suffix();
    createNamespace(name);
    return name;
  }

  private void createNamespace(String name) {
    Answer created = wire().post(Resource.NAMESPACES.collection(""), Json.object("{'metadata':{'name':'" + name + "'}}"));
    if (created.code() != 201) {
      throw new IllegalStateException("cannot create test namespace " + name + ": " + created);
    }
    ownNamespaces.add(name);
  }

  /** Five characters from the alphabet the API server draws generated names from. */
  public static String suffix() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  // --- the class namespace, by resource and name ---

  public String path(Resource resource, String name) {
    return resource.path(namespace, name);
  }

  public String collection(Resource resource) {
    return resource.collection(namespace);
  }

  public Answer create(Resource resource, JsonNode object, String... query) {
    return wire().post(collection(resource), object, query);
  }

  /** Creates and insists on 201: for setting a scene, not for the row under test. */
  public Answer created(Resource resource, JsonNode object) {
    Answer answer = create(resource, object);
    if (answer.code() != 201) {
      throw new IllegalStateException("setting up failed: " + answer);
    }
    return answer;
  }

  public Answer get(Resource resource, String name, String... query) {
    return wire().get(path(resource, name), query);
  }

  public Answer list(Resource resource, String... query) {
    return wire().get(collection(resource), query);
  }

  public Answer put(Resource resource, String name, JsonNode object) {
    return wire().put(path(resource, name), object);
  }

  public Answer putStatus(Resource resource, String name, JsonNode object) {
    return wire().put(path(resource, name) + "/status", object);
  }

  public Answer patch(Resource resource, String name, PatchType type, String body, String... query) {
    return wire().patch(path(resource, name), type, body, query);
  }

  /** A merge patch; single quotes in {@code json} stand for double quotes. */
  public Answer merge(Resource resource, String name, String json) {
    return patch(resource, name, PatchType.MERGE, Json.write(Json.object(json)));
  }

  public Answer mergeStatus(Resource resource, String name, String json) {
    return wire().patch(path(resource, name) + "/status", PatchType.MERGE, Json.write(Json.object(json)));
  }

  public Answer delete(Resource resource, String name) {
    return wire().delete(path(resource, name));
  }

  public Answer delete(Resource resource, String name, ObjectNode deleteOptions) {
    return wire().delete(path(resource, name), deleteOptions);
  }

  public WatchStream watch(Resource resource, String... query) {
    return wire().watch(collection(resource), query);
  }

  /** Deletes the namespaces this class created; the server finishes the deletion in its own time. */
  @Override
  public void close() {
    for (String name : ownNamespaces) {
      wire().delete(Resource.NAMESPACES.path("", name));
    }
  }
}
