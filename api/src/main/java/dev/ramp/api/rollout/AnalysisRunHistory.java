package dev.ramp.api.rollout;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/**
 * How many finished AnalysisRuns of a Rollout to keep ({@code spec.analysis}), so that history
 * stays bounded (Argo's default of 5 each).
 */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record AnalysisRunHistory(Integer successfulRunHistoryLimit, Integer unsuccessfulRunHistoryLimit) {

  public static final int DEFAULT_LIMIT = 5;
  public static final AnalysisRunHistory DEFAULT = new AnalysisRunHistory(null, null);

  public AnalysisRunHistory {
    successfulRunHistoryLimit = successfulRunHistoryLimit == null ? DEFAULT_LIMIT : successfulRunHistoryLimit;
    unsuccessfulRunHistoryLimit = unsuccessfulRunHistoryLimit == null ? DEFAULT_LIMIT : unsuccessfulRunHistoryLimit;
  }
}
