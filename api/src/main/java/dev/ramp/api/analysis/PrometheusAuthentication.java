package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import java.util.Optional;

/** Credentials for Prometheus: exactly one of bearer or basic (the CRD enforces it). */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record PrometheusAuthentication(Optional<BearerAuthentication> bearer, Optional<BasicAuthentication> basic) {

  public PrometheusAuthentication {
    bearer = Copies.optional(bearer);
    basic = Copies.optional(basic);
  }
}
