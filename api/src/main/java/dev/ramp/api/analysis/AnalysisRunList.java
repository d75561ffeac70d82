package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.RampApi;
import dev.ramp.api.RampObjectList;
import dev.ramp.api.json.RecordTypeAdapterFactory;
import dev.ramp.api.value.Copies;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/** A page of {@link AnalysisRun}s, as a LIST returns it. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisRunList(String apiVersion, String kind, V1ListMeta metadata, List<AnalysisRun> items)
    implements RampObjectList<AnalysisRun> {

  public AnalysisRunList {
    apiVersion = apiVersion == null ? RampApi.API_VERSION : apiVersion;
    kind = kind == null ? "AnalysisRunList" : kind;
    metadata = metadata == null ? new V1ListMeta() : metadata;
    items = Copies.list(items);
  }
}
