package dev.ramp.controller.plan;

/** Why an AnalysisRun was started; one label value each, so the owner finds its runs again. */
public sealed interface AnalysisPurpose {

  /** The label value, e.g. {@code step-2}, {@code background}, {@code pre-promotion}. */
  String label();

  /** An inline {@code analysis} canary step; blocks that step. */
  record Step(int index) implements AnalysisPurpose {
    @Override
    public String label() {
      return "step-" + index;
    }
  }

  /** {@code strategy.canary.analysis}: runs beside the steps from its starting step on. */
  record Background() implements AnalysisPurpose {
    @Override
    public String label() {
      return "background";
    }
  }

  /** Blue-green {@code prePromotionAnalysis}: blocks the switch of the active Service. */
  record PrePromotion() implements AnalysisPurpose {
    @Override
    public String label() {
      return "pre-promotion";
    }
  }

  /** Blue-green {@code postPromotionAnalysis}: judges the new revision after the switch. */
  record PostPromotion() implements AnalysisPurpose {
    @Override
    public String label() {
      return "post-promotion";
    }
  }

  /** Reads a label value written by {@link #label()}. */
  static AnalysisPurpose fromLabel(String label) {
    return switch (label) {
      case "background" -> new Background();
      case "pre-promotion" -> new PrePromotion();
      case "post-promotion" -> new PostPromotion();
      default -> {
        if (label.startsWith("step-")) {
          yield new Step(Integer.parseInt(label.substring("step-".length())));
        }
        throw new IllegalArgumentException("not an analysis purpose: " + label);
      }
    };
  }
}
