package dev.ramp.analysis.prometheus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ramp.analysis.query.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answer of Prometheus' instant query API ({@code /api/v1/query}) into a {@link QueryResult}.
 *
 * <p>Scalar and string results give one value, a vector one value per series, a matrix (a range
 * selector such as {@code http_requests_total[1m]} queried as an instant) the <em>last</em> sample of
 * each series: the most recent value is what a condition about "now" means, and it keeps the result
 * one value per series as for a vector.
 */
public final class PrometheusResponse {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int SNIPPET = 200;

  private PrometheusResponse() {}

  /**
   * The result of an answer with this HTTP status and body.
   *
   * @throws PrometheusFailure when the answer is an error or not a Prometheus query response
   */
  public static QueryResult parse(int httpStatus, String body) {
    if (httpStatus >= 200 && httpStatus < 300) {
      JsonNode root = readJson(body);
      if ("error".equals(root.path("status").asText())) {
        throw rejected(httpStatus, root, body);
      }
      return readData(root, body);
    }
    if (httpStatus >= 400 && httpStatus < 500) {
      throw rejected(httpStatus, tryReadJson(body), body);
    }
    if (httpStatus >= 500) {
      JsonNode root = tryReadJson(body);
      throw new PrometheusFailure.ServerError(
          "Prometheus failed (" + statusAndType(httpStatus, root) + "): " + errorText(root, body));
    }
    throw new PrometheusFailure.BadAnswer(
        "Prometheus answered with unexpected HTTP status " + httpStatus + ": " + snippet(body));
  }

  private static PrometheusFailure.Rejected rejected(int httpStatus, JsonNode root, String body) {
    return new PrometheusFailure.Rejected(
        "Prometheus rejected the query (" + statusAndType(httpStatus, root) + "): " + errorText(root, body),
        errorType(root));
  }

  private static String statusAndType(int httpStatus, JsonNode root) {
    return "HTTP " + httpStatus + errorType(root).map(t -> ", " + t).orElse("");
  }

  private static Optional<String> errorType(JsonNode root) {
    JsonNode type = root.path("errorType");
    return type.isTextual() && !type.asText().isBlank() ? Optional.of(type.asText()) : Optional.empty();
  }

  private static String errorText(JsonNode root, String body) {
    JsonNode error = root.path("error");
    return error.isTextual() ? error.asText() : snippet(body);
  }

  private static JsonNode tryReadJson(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (JsonProcessingException e) {
      return JSON.missingNode();
    }
  }

  private static JsonNode readJson(String body) {
    if (body.isBlank()) {
      throw new PrometheusFailure.BadAnswer("Prometheus answered with an empty body");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      String what = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered with malformed JSON (" + what + where + "): " + snippet(body));
    }
  }

  private static QueryResult readData(JsonNode root, String body) {
    JsonNode type = root.path("data").path("resultType");
    if (!type.isTextual()) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered without data.resultType: " + snippet(body));
    }
    JsonNode result = root.path("data").path("result");
    String resultType = type.asText();
    List<Double> values =
        switch (resultType) {
          case "scalar" -> List.of(sample(result, "scalar"));
          case "string" -> List.of(stringSample(result));
          case "vector" -> eachSeries(result, "vector", series -> sample(series.path("value"), "vector"));
          case "matrix" -> eachSeries(result, "matrix", PrometheusResponse::lastSample);
          default -> throw new PrometheusFailure.BadAnswer(
              "Prometheus answered with unknown resultType \"" + resultType + "\"");
        };
    return QueryResult.of(values);
  }

  private static List<Double> eachSeries(
      JsonNode result, String resultType, java.util.function.Function<JsonNode, Double> value) {
    if (!result.isArray()) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered badly: data.result of a " + resultType + " must be an array, got "
              + snippet(result.toString()));
    }
    List<Double> values = new ArrayList<>(result.size());
    result.forEach(series -> values.add(value.apply(series)));
    return values;
  }

  private static double lastSample(JsonNode series) {
    JsonNode samples = series.path("values");
    if (!samples.isArray() || samples.isEmpty()) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered badly: a matrix series without values: " + snippet(series.toString()));
    }
    return sample(samples.get(samples.size() - 1), "matrix");
  }

  /** A {@code [timestamp, "value"]} pair. */
  private static double sample(JsonNode pair, String resultType) {
    if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isTextual()) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered badly: a " + resultType + " sample must be [timestamp, \"value\"], got "
              + snippet(pair.toString()));
    }
    return number(pair.get(1).asText());
  }

  private static double stringSample(JsonNode pair) {
    if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isTextual()) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered badly: a string result must be [timestamp, \"text\"], got "
              + snippet(pair.toString()));
    }
    String text = pair.get(1).asText();
    try {
      return number(text);
    } catch (PrometheusFailure.BadAnswer e) {
      throw new PrometheusFailure.BadAnswer(
          "Prometheus answered a string result \"" + text + "\" is not a number");
    }
  }

  /** A sample value as Prometheus writes it: Go's float formatting, with {@code +Inf}, {@code -Inf}, {@code NaN}. */
  static double number(String text) {
    switch (text) {
      case "+Inf", "Inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-Inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "NaN" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new PrometheusFailure.BadAnswer(
              "Prometheus answered with a sample value that is not a number: \"" + text + "\"");
        }
      }
    }
  }

  static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }
}
