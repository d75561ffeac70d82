package dev.ramp.api.analysis;

import com.google.gson.annotations.JsonAdapter;
import dev.ramp.api.json.OmittedWhenEmpty;
import dev.ramp.api.json.RecordTypeAdapterFactory;

/** The metrics of a run counted by their verdict. */
@JsonAdapter(RecordTypeAdapterFactory.class)
public record RunSummary(int count, int successful, int failed, int inconclusive, int error)
    implements OmittedWhenEmpty {

  public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0);

  @Override
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
