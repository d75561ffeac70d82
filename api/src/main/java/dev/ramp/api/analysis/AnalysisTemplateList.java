package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObjectList;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A page of {@link AnalysisTemplate}s, as a LIST returns it. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisTemplateList(String apiVersion, String kind, V1ListMeta metadata, List<AnalysisTemplate> items)
    implements RampObjectList<AnalysisTemplate> {

  public AnalysisTemplateList {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? "AnalysisTemplateList" : kind;
    metadata = metadata == null ? new V1ListMeta() : metadata;
    items = Copies.list(items);
  }
}
