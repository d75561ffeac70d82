package dev.ramp.api.json;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * (De)serializes Ramp's records with client-java's Gson the way Kubernetes writes its objects:
 * {@code Optional} components are their value or absent, empty lists, maps and
 * {@link OmittedWhenEmpty} values are left out, unknown fields are ignored, and absent fields reach
 * the canonical constructor as null (or Optional.empty()), where the compact constructor fills in
 * defaults. Put {@code @JsonAdapter(RecordTypeAdapterFactory.class)} on each record.
 */
public final class RecordTypeAdapterFactory implements TypeAdapterFactory {

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (!raw.isRecord()) {
      return null;
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeAdapter<T> adapter = (TypeAdapter<T>) new RecordAdapter(gson, raw);
    return adapter;
  }

  private static final class RecordAdapter<R> extends TypeAdapter<R> {
    private final Class<R> type;
    private final Component[] components;
    private final Map<String, Integer> indexByName = new HashMap<>();
    private final Constructor<R> constructor;

    RecordAdapter(Gson gson, Class<R> type) {
      this.type = type;
      RecordComponent[] recordComponents = type.getRecordComponents();
      this.components = new Component[recordComponents.length];
      Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
      for (int i = 0; i < recordComponents.length; i++) {
        components[i] = new Component(gson, recordComponents[i]);
        parameterTypes[i] = recordComponents[i].getType();
        indexByName.put(components[i].jsonName, i);
      }
      try {
        this.constructor = type.getDeclaredConstructor(parameterTypes);
        this.constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
      }
    }

    @Override
    public void write(JsonWriter out, R value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      out.beginObject();
      for (Component component : components) {
        Object v = component.get(value);
        if (isOmitted(v)) {
          continue;
        }
        out.name(component.jsonName);
        component.adapter().write(out, v);
      }
      out.endObject();
    }

    @Override
    public R read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      Object[] values = new Object[components.length];
      in.beginObject();
      while (in.hasNext()) {
        Integer index = indexByName.get(in.nextName());
        if (index == null) {
          in.skipValue();
        } else if (in.peek() == JsonToken.NULL) {
          in.nextNull();
        } else {
          values[index] = components[index].adapter().read(in);
        }
      }
      in.endObject();
      for (int i = 0; i < components.length; i++) {
        values[i] = components[i].toArgument(values[i]);
      }
      try {
        return constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new JsonParseException(
            "cannot build " + type.getSimpleName() + " at " + in.getPreviousPath() + ": " + cause.getMessage(),
            cause);
      } catch (ReflectiveOperationException e) {
        throw new JsonParseException("cannot build " + type.getSimpleName(), e);
      }
    }

    private static boolean isOmitted(Object v) {
      return v == null
          || (v instanceof Collection<?> c && c.isEmpty())
          || (v instanceof Map<?, ?> m && m.isEmpty())
          || (v instanceof OmittedWhenEmpty e && e.isEmpty());
    }
  }

  private static final class Component {
    final String jsonName;
    private final Method accessor;
    private final boolean optional;
    private final Class<?> primitive;
    private final Gson gson;
    private final Type valueType;
    // Resolved on first use: a record may refer to a type whose adapter is still being built.
    private volatile TypeAdapter<Object> adapter;

    Component(Gson gson, RecordComponent component) {
      this.gson = gson;
      this.accessor = component.getAccessor();
      this.accessor.setAccessible(true);
      SerializedName serializedName = fieldAnnotation(component);
      this.jsonName = serializedName != null ? serializedName.value() : component.getName();
      this.optional = component.getType() == Optional.class;
      this.primitive = component.getType().isPrimitive() ? component.getType() : null;
      Type generic = component.getGenericType();
      if (optional) {
        if (!(generic instanceof ParameterizedType p)) {
          throw new IllegalStateException(component + " must say what the Optional holds");
        }
        generic = p.getActualTypeArguments()[0];
      }
      this.valueType = generic;
    }

    private static SerializedName fieldAnnotation(RecordComponent component) {
      SerializedName onComponent = component.getAnnotation(SerializedName.class);
      if (onComponent != null) {
        return onComponent;
      }
      try {
        return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(SerializedName.class);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }

    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter() {
      TypeAdapter<Object> a = adapter;
      if (a == null) {
        a = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(valueType));
        adapter = a;
      }
      return a;
    }

    Object get(Object record) {
      Object v;
      try {
        v = accessor.invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + accessor, e);
      }
      return optional && v != null ? ((Optional<?>) v).orElse(null) : v;
    }

    Object toArgument(Object read) {
      if (optional) {
        return Optional.ofNullable(read);
      }
      if (read == null && primitive != null) {
        return primitiveDefault(primitive);
      }
      return read;
    }

    private static Object primitiveDefault(Class<?> primitive) {
      if (primitive == boolean.class) {
        return false;
      }
      if (primitive == int.class) {
        return 0;
      }
      if (primitive == long.class) {
        return 0L;
      }
      if (primitive == double.class) {
        return 0d;
      }
      throw new IllegalStateException("unsupported primitive component type " + primitive);
    }
  }
}
