package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/**
 * A template an analysis is made of.
 *
 * @param clusterScope look the name up among ClusterAnalysisTemplates
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisTemplateRef(String templateName, boolean clusterScope) {

  public static AnalysisTemplateRef of(String templateName) {
    return new AnalysisTemplateRef(templateName, false);
  }

  public static AnalysisTemplateRef cluster(String templateName) {
    return new AnalysisTemplateRef(templateName, true);
  }
}
