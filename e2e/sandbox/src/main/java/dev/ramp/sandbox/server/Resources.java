package dev.ramp.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.api.validation.FieldError;
import dev.ramp.sandbox.errors.ApiException;
import dev.ramp.sandbox.json.Json;
import dev.ramp.sandbox.json.Timestamps;
import dev.ramp.sandbox.patch.PatchType;
import dev.ramp.sandbox.patch.Patches;
import dev.ramp.sandbox.patch.StrategicMerge;
import dev.ramp.sandbox.registry.ResourceType;
import dev.ramp.sandbox.registry.ScaleSpec;
import dev.ramp.sandbox.registry.TypeRegistry;
import dev.ramp.sandbox.selector.LabelSelector;
import dev.ramp.sandbox.selector.SelectorException;
import dev.ramp.sandbox.store.ExpiredException;
import dev.ramp.sandbox.store.ListPage;
import dev.ramp.sandbox.store.Store;
import dev.ramp.sandbox.store.StoreEvent;
import dev.ramp.sandbox.store.Watch;
import dev.ramp.sandbox.validation.FieldErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The API verbs with kube-apiserver's semantics, independent of HTTP: the HTTP front end and the
 * in-sandbox controllers both write through here, so every write gets the same defaults, validation,
 * optimistic concurrency, generation and finalizer rules.
 */
public final class Resources {
  public static final String NAMESPACES = "core/namespaces";
  public static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
  static final String CRD_CLEANUP = "customresourcecleanup.apiextensions.k8s.io";
  private static final List<String> CUSTOM_PATCH_TYPES =
      List.of(PatchType.JSON.mediaType(), PatchType.MERGE.mediaType(), PatchType.APPLY.mediaType());
  private static final List<String> BUILTIN_PATCH_TYPES = List.of(PatchType.JSON.mediaType(), PatchType.MERGE.mediaType(),
      PatchType.APPLY.mediaType(), PatchType.STRATEGIC.mediaType());
  /** Numbers compare by value: 1 (int) and 1 (long) are the same field value. */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return 1;
  };

  private final Store store;
  private final TypeRegistry registry;
  private final Clock clock;
  private final ApplyOwnership ownership = new ApplyOwnership();

  public Resources(Store store, TypeRegistry registry, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
    store.addListener(event -> {
      if (event.type() == StoreEvent.Type.DELETED) {
        ownership.forget(Json.text(event.object(), "metadata", "uid"));
      }
    });
  }

  public Store store() {
    return store;
  }

  public TypeRegistry registry() {
    return registry;
  }

  public Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- reads

  private ObjectNode stored(ResourceType type, String namespace, String name) {
    return store.get(type.collection(), scope(type, namespace), name)
        .orElseThrow(() -> ApiException.notFound(type.target(), name));
  }

  private static String scope(ResourceType type, String namespace) {
    return type.namespaced() ? namespace : "";
  }

  /** The object as {@code type}'s version serves it. Shared: never mutate it. */
  public ObjectNode get(ResourceType type, String namespace, String name) {
    return type.present(stored(type, namespace, name));
  }

  /** GET of a subresource: {@code status} (404 when the kind has none, S5) or {@code scale}. */
  public ObjectNode getSubresource(ResourceType type, String namespace, String name, String subresource) {
    return switch (subresource) {
      case "status" -> {
        if (!type.statusSubresource()) {
          throw ApiException.notFound(type.target(), name);
        }
        yield get(type, namespace, name);
      }
      case "scale" -> {
        ScaleSpec spec = type.scale().orElseThrow(() -> ApiException.notFound(type.target(), name));
        yield scaleOf(spec, stored(type, namespace, name));
      }
      default -> throw ApiException.notFound(type.target(), name);
    };
  }

  public Optional<ObjectNode> find(ResourceType type, String namespace, String name) {
    return store.get(type.collection(), scope(type, namespace), name).map(type::present);
  }

  /** LIST with selectors and pagination (L1–L9, A6). */
  public ListResult list(ResourceType type, String namespace, ListOptions options) {
    try {
      options.fields().requireSupported(type.supportedFieldLabels());
    } catch (SelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    String startAfter = "";
    long listRv = -1;
    if (!options.continueToken().isEmpty()) {
      try {
        JsonNode token = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(options.continueToken()));
        startAfter = Json.text(token, "start");
        listRv = token.path("rv").asLong(-1);
      } catch (IOException | IllegalArgumentException e) {
        throw ApiException.badRequest("continue key is not valid: " + e.getMessage());
      }
    }
    boolean selective = !options.labels().isEmpty() || !options.fields().isEmpty();
    ListPage page = store.list(type.collection(), scope(type, namespace), object ->
            options.labels().matches(object) && (options.fields().isEmpty() || options.fields().matches(type.fieldValues(object))),
        startAfter, options.limit(), !selective);
    long rv = listRv > 0 ? listRv : page.resourceVersion();
    String continueToken = "";
    if (!page.nextKey().isEmpty()) {
      ObjectNode token = Json.object();
      token.put("v", "meta.k8s.io/v1");
      token.put("rv", rv);
      token.put("start", page.nextKey());
      continueToken = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(token));
    }
    return new ListResult(type, page.items(), rv, continueToken, page.remaining());
  }

  /** Starts a watch on {@code type}'s collection (filtering is the caller's). */
  public Watch watch(ResourceType type, OptionalLong fromResourceVersion) throws ExpiredException {
    return store.watch(type.collection(), fromResourceVersion);
  }

  // ---------------------------------------------------------------- create

  public Result create(ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    if (registry.isTerminating(type)) {
      throw ApiException.methodNotAllowed("create not allowed while custom resource definition is terminating");
    }
    ObjectNode object = body.deepCopy();
    checkTypeMeta(type, object);
    String ns = checkNamespace(type, namespace, object);
    List<String> warnings = prune(type, object, options);
    ObjectNode metadata = Json.metadata(object);
    String requestedName = Json.text(metadata, "name");
    String generateName = Json.text(metadata, "generateName");
    if (type.namespaced()) {
      requireOpenNamespace(type, ns, requestedName);
    }
    ObjectNode stored = type.converter().toStorage(object);
    ObjectNode meta = Json.metadata(stored);
    for (String field : List.of("uid", "resourceVersion", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "generation", "selfLink", "managedFields")) {
      meta.remove(field);
    }
    if (type.namespaced()) {
      meta.put("namespace", ns);
    } else {
      meta.remove("namespace");
    }
    meta.put("uid", UUID.randomUUID().toString());
    meta.put("resourceVersion", "");
    if (type.generation() != ResourceType.Generation.NONE) {
      meta.put("generation", 1);
    }
    meta.put("creationTimestamp", Timestamps.time(clock.instant()));
    if (type.custom() && type.statusSubresource()) {
      stored.remove("status");
    }
    boolean generated = requestedName.isEmpty() && !generateName.isEmpty();
    if (generated) {
      meta.put("name", Metadata.generateName(generateName));
    }
    type.strategy().prepareForCreate(stored);
    Metadata.canonicalize(stored);
    List<FieldError> errors = type.strategy().validateCreate(stored, Metadata.validate(type, stored, true));
    String name = Json.text(stored, "metadata", "name");
    if (!errors.isEmpty()) {
      throw invalid(type, name, errors);
    }
    if (type.custom()) {
      Json.sortKeys(stored);
    }
    if (options.dryRun()) {
      Json.metadata(stored).remove("resourceVersion");
      return new Result(201, type.present(stored), warnings);
    }
    for (int attempt = 0; ; attempt++) {
      Optional<ObjectNode> committed = store.create(type.collection(), ns, name, stored);
      if (committed.isPresent()) {
        return new Result(201, type.present(committed.get()), warnings);
      }
      if (!generated || attempt > 8) {
        throw ApiException.alreadyExists(type.target(), name);
      }
      name = Metadata.generateName(generateName);
      Json.metadata(stored).put("name", name);
    }
  }

  // ---------------------------------------------------------------- update

  /** PUT of the object or of its {@code status} or {@code scale} subresource. */
  public Result update(ResourceType type, String namespace, String name, String subresource, ObjectNode body,
      WriteOptions options) {
    if (subresource.equals("scale")) {
      return writeScale(type, namespace, name, scale -> body.deepCopy(), options);
    }
    requireSubresource(type, name, subresource);
    if (type.allowCreateOnUpdate() && subresource.isEmpty()
        && store.get(type.collection(), scope(type, namespace), name).isEmpty()) {
      ObjectNode object = body.deepCopy();
      Json.metadata(object).put("name", name);
      Json.metadata(object).remove("resourceVersion");
      return create(type, namespace, object, options);
    }
    return writeExisting(type, namespace, name, subresource, current -> body.deepCopy(), true, options);
  }

  /** PATCH: JSON patch, merge patch, strategic merge patch (built-ins) or server-side apply. */
  public Result patch(ResourceType type, String namespace, String name, String subresource, PatchType patchType,
      byte[] body, WriteOptions options) {
    if (patchType == PatchType.STRATEGIC && type.custom()) {
      throw ApiException.unsupportedMediaType(CUSTOM_PATCH_TYPES);
    }
    JsonNode patch;
    try {
      patch = patchType == PatchType.APPLY
          ? Json.parseYaml(new String(body, StandardCharsets.UTF_8))
          : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("error decoding patch: " + e.getMessage());
    }
    if (patch == null || patch.isMissingNode()) {
      throw ApiException.badRequest("error decoding patch: empty body");
    }
    if (patchType == PatchType.APPLY) {
      return apply(type, namespace, name, subresource, patch, options);
    }
    UnaryOperator<ObjectNode> patcher = current -> switch (patchType) {
      case JSON -> Patches.json(current, patch);
      case MERGE -> Patches.merge(current, patch);
      case STRATEGIC -> StrategicMerge.apply(current, patch);
      case APPLY -> throw new IllegalStateException();
    };
    if (subresource.equals("scale")) {
      return writeScale(type, namespace, name, patcher, options);
    }
    requireSubresource(type, name, subresource);
    return writeExisting(type, namespace, name, subresource, patcher, false, options);
  }

  public static List<String> acceptedPatchTypes(ResourceType type) {
    return type.custom() ? CUSTOM_PATCH_TYPES : BUILTIN_PATCH_TYPES;
  }

  private void requireSubresource(ResourceType type, String name, String subresource) {
    if (subresource.isEmpty()) {
      return;
    }
    boolean served = subresource.equals("status") ? type.statusSubresource()
        : subresource.equals("finalize") && type.collection().equals(NAMESPACES);
    if (!served) {
      throw ApiException.notFound(type.target(), name);
    }
  }

  /** Server-side apply, simplified: create when absent, else merge with per-manager field ownership. */
  private Result apply(ResourceType type, String namespace, String name, String subresource, JsonNode applied,
      WriteOptions options) {
    if (!(applied instanceof ObjectNode config)) {
      throw ApiException.badRequest("error decoding patch: apply configuration must be an object");
    }
    if (options.fieldManager().isEmpty()) {
      throw ApiException.badRequest("PATCH, application/apply-patch+yaml requires fieldManager to be set");
    }
    requireSubresource(type, name, subresource);
    String manager = options.fieldManager();
    Optional<ObjectNode> existing = store.get(type.collection(), scope(type, namespace), name);
    if (existing.isEmpty()) {
      ObjectNode object = config.deepCopy();
      Json.metadata(object).put("name", name);
      Result created = create(type, namespace, object, options);
      if (!options.dryRun()) {
        ownership.record(Json.text(created.body(), "metadata", "uid"), manager, config, true, Map.of());
      }
      return created;
    }
    String uid = Json.text(existing.get(), "metadata", "uid");
    Map<String, List<String>> conflicts = ownership.conflicts(uid, manager, type.present(existing.get()), config);
    if (!conflicts.isEmpty() && !options.force()) {
      ObjectNode details = Json.object();
      details.put("name", name);
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
      ArrayNode causes = details.putArray("causes");
      conflicts.forEach((other, paths) -> paths.forEach(path -> {
        ObjectNode cause = causes.addObject();
        cause.put("reason", "FieldManagerConflict");
        cause.put("message", "conflict with \"" + other + "\"");
        cause.put("field", path);
      }));
      throw new ApiException(409, "Conflict", ApplyOwnership.conflictMessage(conflicts), details);
    }
    List<String> abandoned = ownership.abandoned(uid, manager, config);
    Result result = writeExisting(type, namespace, name, subresource, current -> {
      ObjectNode merged = type.custom() ? deepMerge(current, config) : StrategicMerge.apply(current, config);
      abandoned.forEach(path -> ApplyOwnership.remove(merged, path));
      Json.metadata(merged).put("resourceVersion", Json.text(current, "metadata", "resourceVersion"));
      return merged;
    }, false, options);
    if (!options.dryRun()) {
      ownership.record(uid, manager, config, options.force(), conflicts);
    }
    return result;
  }

  private static ObjectNode deepMerge(ObjectNode target, JsonNode patch) {
    ObjectNode result = target.deepCopy();
    patch.fields().forEachRemaining(field -> {
      JsonNode existing = result.get(field.getKey());
      if (field.getValue().isObject() && existing instanceof ObjectNode object) {
        result.set(field.getKey(), deepMerge(object, field.getValue()));
      } else if (!field.getValue().isNull()) {
        result.set(field.getKey(), field.getValue().deepCopy());
      }
    });
    return result;
  }

  /**
   * The read-modify-write loop every update goes through (GuaranteedUpdate): the request is computed
   * from the current object, checked, and committed only if nobody wrote in between; otherwise it is
   * recomputed. A resourceVersion the client sent that is not the current one is a 409.
   */
  private Result writeExisting(ResourceType type, String namespace, String name, String subresource,
      UnaryOperator<ObjectNode> requestFrom, boolean put, WriteOptions options) {
    String ns = scope(type, namespace);
    while (true) {
      ObjectNode current = stored(type, ns, name);
      long currentRv = Store.resourceVersionOf(current);
      ObjectNode requested = requestFrom.apply(type.present(current).deepCopy());
      checkTypeMeta(type, requested);
      ObjectNode requestedMeta = Json.metadata(requested);
      String requestedName = Json.text(requestedMeta, "name");
      if (requestedName.isEmpty()) {
        requestedMeta.put("name", name);
      } else if (!requestedName.equals(name)) {
        throw ApiException.badRequest("the name of the object (" + requestedName
            + ") does not match the name on the URL (" + name + ")");
      }
      String requestedNs = Json.text(requestedMeta, "namespace");
      if (type.namespaced() && !requestedNs.isEmpty() && !requestedNs.equals(ns)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      String requestedRv = Json.text(requestedMeta, "resourceVersion");
      if (!requestedRv.isEmpty()) {
        if (!requestedRv.equals(Long.toString(currentRv))) {
          throw ApiException.conflict(type.target(), name);
        }
      } else if (put && type.custom()) {
        throw ApiException.invalid(type.groupResource(), type.group(), type.plural(), name,
            List.of(FieldErrors.invalid("metadata.resourceVersion", "0x0", "must be specified for an update")));
      }
      String uid = Json.text(requestedMeta, "uid");
      String currentUid = Json.text(current, "metadata", "uid");
      if (!uid.isEmpty() && !uid.equals(currentUid)) {
        throw new ApiException(409, "Conflict", "Precondition failed: UID in precondition: " + uid
            + ", UID in object meta: " + currentUid, null);
      }
      List<String> warnings = prune(type, requested, options);
      ObjectNode next = type.converter().toStorage(requested);
      JsonNode requestedSpecFinalizers = next.path("spec").path("finalizers").deepCopy();
      if (subresource.equals("status")) {
        ObjectNode merged = current.deepCopy();
        if (next.has("status")) {
          merged.set("status", next.get("status"));
        } else {
          merged.remove("status");
        }
        next = merged;
      } else if (type.statusSubresource()) {
        if (current.has("status")) {
          next.set("status", current.get("status").deepCopy());
        } else {
          next.remove("status");
        }
      }
      ObjectNode meta = Json.metadata(next);
      JsonNode oldMeta = current.path("metadata");
      for (String field : List.of("name", "namespace", "uid", "creationTimestamp", "deletionTimestamp",
          "deletionGracePeriodSeconds", "generation")) {
        JsonNode value = oldMeta.get(field);
        if (value == null) {
          meta.remove(field);
        } else {
          meta.set(field, value.deepCopy());
        }
      }
      meta.put("resourceVersion", Long.toString(currentRv));
      List<FieldError> errors = new ArrayList<>(Metadata.validateFinalizersWhileDeleting(next, current));
      type.strategy().prepareForUpdate(next, current);
      if (subresource.equals("finalize")) {
        // a namespace's spec.finalizers change only here, and nothing else does
        ObjectNode finalized = current.deepCopy();
        Json.child(finalized, "spec").set("finalizers",
            requestedSpecFinalizers.isArray() ? requestedSpecFinalizers : Json.array());
        Json.metadata(finalized).put("resourceVersion", Long.toString(currentRv));
        next = finalized;
      }
      Metadata.canonicalize(next);
      errors.addAll(Metadata.validate(type, next, false));
      errors = subresource.equals("status")
          ? type.strategy().validateStatusUpdate(next, current, errors)
          : type.strategy().validateUpdate(next, current, errors);
      if (!errors.isEmpty()) {
        throw invalid(type, name, errors);
      }
      if (generationChanged(type, next, current)) {
        Json.metadata(next).put("generation", current.path("metadata").path("generation").asLong(0) + 1);
      }
      if (type.custom()) {
        Json.sortKeys(next);
      }
      if (next.equals(SAME_VALUE, current)) {
        return new Result(200, type.present(current), warnings);
      }
      if (options.dryRun()) {
        return new Result(200, type.present(next), warnings);
      }
      if (Json.has(next, "metadata", "deletionTimestamp") && removable(type, next)) {
        // the last finalizer is gone: the object goes, as it was stored (G8d)
        if (store.delete(type.collection(), ns, name, currentRv).isPresent()) {
          return new Result(200, type.present(current), warnings);
        }
        continue;
      }
      Optional<ObjectNode> committed = store.update(type.collection(), ns, name, currentRv, next);
      if (committed.isPresent()) {
        return new Result(200, type.present(committed.get()), warnings);
      }
    }
  }

  private static boolean generationChanged(ResourceType type, ObjectNode next, ObjectNode current) {
    return switch (type.generation()) {
      case NONE -> false;
      case SPEC -> !next.path("spec").equals(SAME_VALUE, current.path("spec"));
      case ALL_BUT_METADATA_AND_STATUS -> !without(next, "metadata", "status").equals(SAME_VALUE, without(current, "metadata", "status"));
      case ALL_BUT_METADATA -> !without(next, "metadata").equals(SAME_VALUE, without(current, "metadata"));
    };
  }

  private static ObjectNode without(ObjectNode object, String... fields) {
    ObjectNode copy = Json.object();
    copy.setAll(object);
    for (String field : fields) {
      copy.remove(field);
    }
    return copy;
  }

  /** An object may leave the store once no finalizer holds it (a namespace also waits for spec.finalizers). */
  private static boolean removable(ResourceType type, JsonNode object) {
    if (!Json.stringList(object.path("metadata").get("finalizers")).isEmpty()) {
      return false;
    }
    return !type.collection().equals(NAMESPACES) || Json.stringList(object.path("spec").get("finalizers")).isEmpty();
  }

  // ---------------------------------------------------------------- scale

  private static JsonNode at(JsonNode object, String jsonPath) {
    return Json.at(object, ScaleSpec.segments(jsonPath));
  }

  public static ObjectNode scaleOf(ScaleSpec spec, ObjectNode object) {
    ObjectNode scale = Json.object();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    JsonNode source = object.path("metadata");
    for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (source.has(field)) {
        metadata.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", at(object, spec.specReplicasPath()).asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", at(object, spec.statusReplicasPath()).asInt(0));
    String selector = spec.selectorIsLabelSelector()
        ? LabelSelector.fromJson(at(object, spec.labelSelectorPath())).toString()
        : spec.labelSelectorPath().isEmpty() ? "" : at(object, spec.labelSelectorPath()).asText("");
    if (!selector.isEmpty()) {
      status.put("selector", selector);
    }
    return scale;
  }

  /** PUT or PATCH of {@code /scale} (SC4, SC5, SC10): the new Scale is computed from the current one. */
  private Result writeScale(ResourceType type, String namespace, String name, UnaryOperator<ObjectNode> newScale,
      WriteOptions options) {
    ScaleSpec spec = type.scale().orElseThrow(() -> ApiException.notFound(type.target(), name));
    Result result = writeExisting(type, namespace, name, "", current -> {
      ObjectNode scale = newScale.apply(scaleOf(spec, current));
      String scaleRv = Json.text(scale, "metadata", "resourceVersion");
      if (!scaleRv.isEmpty() && !scaleRv.equals(Json.text(current, "metadata", "resourceVersion"))) {
        throw ApiException.conflict(type.target(), name);
      }
      JsonNode replicas = scale.path("spec").path("replicas");
      if (replicas.isNumber() && replicas.asLong() < 0) {
        throw ApiException.invalid("Scale.autoscaling", "autoscaling", "Scale", name,
            List.of(FieldErrors.invalid("spec.replicas", replicas.asText(), "must be greater than or equal to 0")));
      }
      String[] path = ScaleSpec.segments(spec.specReplicasPath());
      ObjectNode parent = current;
      for (int i = 0; i < path.length - 1; i++) {
        parent = Json.child(parent, path[i]);
      }
      parent.put(path[path.length - 1], replicas.asInt(0));
      return current;
    }, false, options);
    return new Result(result.code(), scaleOf(spec, result.body()), result.warnings());
  }

  // ---------------------------------------------------------------- delete

  public Result delete(ResourceType type, String namespace, String name, DeleteOptions options) {
    String ns = scope(type, namespace);
    if (type.collection().equals(NAMESPACES) && List.of("default", "kube-system", "kube-public").contains(name)) {
      throw ApiException.forbidden(type.target(), name, "this namespace may not be deleted", null, null);
    }
    while (true) {
      ObjectNode current = stored(type, ns, name);
      long currentRv = Store.resourceVersionOf(current);
      String uid = Json.text(current, "metadata", "uid");
      if (options.uid().isPresent() && !options.uid().get().equals(uid)) {
        throw ApiException.preconditionConflict(type.target(), name, "the UID in the precondition ("
            + options.uid().get() + ") does not match the UID in record (" + uid
            + "). The object might have been deleted and then recreated");
      }
      if (options.resourceVersion().isPresent() && !options.resourceVersion().get().equals(Long.toString(currentRv))) {
        throw ApiException.preconditionConflict(type.target(), name, "the ResourceVersion in the precondition ("
            + options.resourceVersion().get() + ") does not match the ResourceVersion in record (" + currentRv
            + "). The object might have been modified");
      }
      boolean deleting = Json.has(current, "metadata", "deletionTimestamp");
      List<String> finalizers = new ArrayList<>(Json.stringList(current.path("metadata").get("finalizers")));
      options.propagation().ifPresent(policy -> {
        finalizers.remove("orphan");
        finalizers.remove("foregroundDeletion");
        if (policy == DeleteOptions.Propagation.ORPHAN) {
          finalizers.add("orphan");
        } else if (policy == DeleteOptions.Propagation.FOREGROUND) {
          finalizers.add("foregroundDeletion");
        }
      });
      boolean crd = type.collection().equals(CRDS);
      if (crd && !deleting && !finalizers.contains(CRD_CLEANUP)) {
        finalizers.add(CRD_CLEANUP);
      }
      boolean graceful = type.collection().equals(NAMESPACES)
          && !Json.stringList(current.path("spec").get("finalizers")).isEmpty();
      if (!finalizers.isEmpty() || graceful) {
        ObjectNode next = current.deepCopy();
        ObjectNode meta = Json.metadata(next);
        ArrayNode list = meta.putArray("finalizers");
        finalizers.forEach(list::add);
        if (finalizers.isEmpty()) {
          meta.remove("finalizers");
        }
        if (!deleting) {
          meta.put("deletionTimestamp", Timestamps.time(clock.instant()));
          meta.put("deletionGracePeriodSeconds", 0);
          if (meta.path("generation").asLong(0) > 0) {
            meta.put("generation", meta.path("generation").asLong() + 1);
          }
        }
        if (type.collection().equals(NAMESPACES)) {
          Json.child(next, "status").put("phase", "Terminating");
        }
        if (crd && !deleting) {
          ObjectNode status = Json.child(next, "status");
          ArrayNode conditions = status.get("conditions") instanceof ArrayNode existing ? existing : status.putArray("conditions");
          ObjectNode condition = conditions.addObject();
          condition.put("type", "Terminating");
          condition.put("status", "True");
          condition.put("lastTransitionTime", Timestamps.time(clock.instant()));
          condition.put("reason", "InstanceDeletionPending");
          condition.put("message", "CustomResourceDefinition marked for deletion; instance deletion pending");
        }
        Metadata.canonicalize(next);
        if (type.custom()) {
          Json.sortKeys(next);
        }
        if (next.equals(SAME_VALUE, current) || options.dryRun()) {
          return new Result(200, type.present(next));
        }
        Optional<ObjectNode> committed = store.update(type.collection(), ns, name, currentRv, next);
        if (committed.isPresent()) {
          return new Result(200, type.present(committed.get()));
        }
        continue;
      }
      if (options.dryRun()) {
        return new Result(200, type.returnDeletedObject() ? type.present(current) : success(type, name, uid));
      }
      Optional<ObjectNode> deleted = store.delete(type.collection(), ns, name, currentRv);
      if (deleted.isPresent()) {
        return new Result(200, type.returnDeletedObject() ? type.present(deleted.get()) : success(type, name, uid));
      }
    }
  }

  /** DELETE on a collection: every matching object, answered with the list of what was deleted. */
  public ObjectNode deleteCollection(ResourceType type, String namespace, ListOptions listOptions, DeleteOptions options) {
    ListResult page = list(type, namespace, new ListOptions(listOptions.labels(), listOptions.fields(), 0, ""));
    ObjectNode list = Json.object();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (ObjectNode item : page.items()) {
      try {
        Result result = delete(type, Json.text(item, "metadata", "namespace"), Json.text(item, "metadata", "name"), options);
        items.add(Json.text(result.body(), "kind").equals("Status") ? type.present(item) : result.body());
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
    return list;
  }

  private static ObjectNode success(ResourceType type, String name, String uid) {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    ObjectNode details = status.putObject("details");
    details.put("name", name);
    if (!type.group().isEmpty()) {
      details.put("group", type.group());
    }
    details.put("kind", type.plural());
    details.put("uid", uid);
    return status;
  }

  // ---------------------------------------------------------------- shared checks

  private ApiException invalid(ResourceType type, String name, List<FieldError> errors) {
    ResourceType storageType = registry.forCollection(type.collection()).orElse(type);
    return ApiException.invalid(storageType.target(), name, errors);
  }

  /** Fills kind/apiVersion when absent; a body of another kind or version is a 400. */
  private static void checkTypeMeta(ResourceType type, ObjectNode object) {
    String apiVersion = Json.text(object, "apiVersion");
    String kind = Json.text(object, "kind");
    if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + type.apiVersion() + ")");
    }
    if (!kind.isEmpty() && !kind.equals(type.kind())) {
      throw ApiException.badRequest("the kind in the data (" + kind + ") does not match the expected kind ("
          + type.kind() + ")");
    }
    ObjectNode reordered = Json.object();
    reordered.put("kind", type.kind());
    reordered.put("apiVersion", type.apiVersion());
    object.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("kind") && !field.getKey().equals("apiVersion")) {
        reordered.set(field.getKey(), field.getValue());
      }
    });
    object.removeAll();
    object.setAll(reordered);
  }

  private static String checkNamespace(ResourceType type, String namespace, ObjectNode object) {
    ObjectNode metadata = Json.metadata(object);
    String declared = Json.text(metadata, "namespace");
    if (!type.namespaced()) {
      return "";
    }
    if (namespace.isEmpty()) {
      throw ApiException.methodNotAllowed();
    }
    if (!declared.isEmpty() && !declared.equals(namespace)) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    return namespace;
  }

  private void requireOpenNamespace(ResourceType type, String namespace, String name) {
    ObjectNode ns = store.get(NAMESPACES, "", namespace).orElseThrow(() -> ApiException.namespaceNotFound(namespace));
    if (Json.has(ns, "metadata", "deletionTimestamp")) {
      throw ApiException.forbidden(type.target(), name, "unable to create new content in namespace " + namespace
          + " because it is being terminated", "NamespaceTerminating", "metadata.namespace");
    }
  }

  /** Prunes and defaults a custom resource; unknown fields warn, or fail under fieldValidation=Strict (X6, X6b). */
  private static List<String> prune(ResourceType type, ObjectNode object, WriteOptions options) {
    List<String> pruned = type.strategy().pruneAndDefault(object);
    if (pruned.isEmpty() || options.fieldValidation() == WriteOptions.FieldValidation.IGNORE) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    pruned.forEach(path -> messages.add("unknown field \"" + path + "\""));
    if (options.fieldValidation() == WriteOptions.FieldValidation.STRICT) {
      throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
          + type.kind() + ": strict decoding error: " + String.join(", ", messages));
    }
    return messages;
  }
}
