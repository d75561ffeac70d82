package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/**
 * An argument of an analysis, used in its metrics as {@code {{args.name}}}. A template may declare
 * it without a value; a Rollout gives it a {@code value} or a {@code valueFrom}.
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record Argument(String name, Optional<String> value, Optional<ValueFrom> valueFrom) {

  public Argument {
    value = Copies.optional(value);
    valueFrom = Copies.optional(valueFrom);
  }

  public static Argument of(String name, String value) {
    return new Argument(name, Optional.of(value), Optional.empty());
  }

  public static Argument from(String name, ValueFrom valueFrom) {
    return new Argument(name, Optional.empty(), Optional.of(valueFrom));
  }

  /** A declared argument without a value, as a template lists it. */
  public static Argument declared(String name) {
    return new Argument(name, Optional.empty(), Optional.empty());
  }
}
