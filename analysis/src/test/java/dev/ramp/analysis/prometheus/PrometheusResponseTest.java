package dev.ramp.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ramp.analysis.query.QueryResult;
import dev.ramp.analysis.query.QueryResult.NoData;
import dev.ramp.analysis.query.QueryResult.Values;
import org.junit.jupiter.api.Test;

class PrometheusResponseTest {

  private static QueryResult parse(String body) {
    return PrometheusResponse.parse(200, body);
  }

  @Test
  void aVectorBecomesOneValuePerSeries() {
    QueryResult result = parse("""
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"revision":"a"},"value":[1700000000.5,"0.97"]},
          {"metric":{"revision":"b"},"value":[1700000000.5,"12"]}]}}""");
    assertThat(result).isEqualTo(new Values(java.util.List.of(0.97, 12.0)));
  }

  @Test
  void aScalarBecomesASingleValue() {
    assertThat(parse("""
        {"status":"success","data":{"resultType":"scalar","result":[1700000000,"0.5"]}}"""))
        .isEqualTo(new Values(java.util.List.of(0.5)));
  }

  @Test
  void aMatrixGivesTheLastSampleOfEachSeries() {
    QueryResult result = parse("""
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"a":"1"},"values":[[1,"1"],[2,"2"],[3,"3"]]},
          {"metric":{"a":"2"},"values":[[1,"10"],[2,"20"]]}]}}""");
    assertThat(result).isEqualTo(new Values(java.util.List.of(3.0, 20.0)));
  }

  @Test
  void aNumericStringResultIsAValue() {
    assertThat(parse("""
        {"status":"success","data":{"resultType":"string","result":[1,"42.5"]}}"""))
        .isEqualTo(new Values(java.util.List.of(42.5)));
  }

  @Test
  void aStringResultThatIsNoNumberIsAnError() {
    assertThatThrownBy(() -> parse("""
        {"status":"success","data":{"resultType":"string","result":[1,"hello"]}}"""))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessageContaining("string result \"hello\" is not a number");
  }

  @Test
  void infinitiesAndNaNAreParsedAsPrometheusWritesThem() {
    QueryResult result = parse("""
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{},"value":[1,"+Inf"]},{"metric":{},"value":[1,"-Inf"]},{"metric":{},"value":[1,"NaN"]}]}}""");
    assertThat(result).isEqualTo(new Values(java.util.List.of(
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN)));
  }

  @Test
  void anEmptyVectorIsNoDataNotAnError() {
    QueryResult result = parse("""
        {"status":"success","data":{"resultType":"vector","result":[]}}""");
    assertThat(result).isEqualTo(new NoData(NoData.Kind.EMPTY, java.util.List.of()));
    assertThat(((NoData) result).reason()).isEqualTo("the query returned an empty vector");
  }

  @Test
  void aNaNOnlyResultIsNoData() {
    QueryResult result = parse("""
        {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}}""");
    assertThat(result).isEqualTo(new NoData(NoData.Kind.NAN, java.util.List.of(Double.NaN)));
    assertThat(((NoData) result).reason()).isEqualTo("the query returned NaN");
  }

  @Test
  void anEmptyMatrixIsNoData() {
    assertThat(parse("""
        {"status":"success","data":{"resultType":"matrix","result":[]}}"""))
        .isEqualTo(new NoData(NoData.Kind.EMPTY, java.util.List.of()));
  }

  @Test
  void aPrometheusErrorCarriesItsTypeAndText() {
    assertThatThrownBy(() -> PrometheusResponse.parse(400, """
        {"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected <EOF>"}"""))
        .isInstanceOfSatisfying(PrometheusFailure.Rejected.class, e -> {
          assertThat(e.errorType()).contains("bad_data");
          assertThat(e.getMessage()).isEqualTo(
              "Prometheus rejected the query (HTTP 400, bad_data): 1:5: parse error: unexpected <EOF>");
        });
  }

  @Test
  void aServerErrorIsRetryableAndKeepsPrometheusText() {
    assertThatThrownBy(() -> PrometheusResponse.parse(503, """
        {"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}"""))
        .isInstanceOf(PrometheusFailure.ServerError.class)
        .hasMessage("Prometheus failed (HTTP 503, timeout): query timed out in expression evaluation");
    assertThatThrownBy(() -> PrometheusResponse.parse(502, "<html>Bad Gateway</html>"))
        .isInstanceOf(PrometheusFailure.ServerError.class)
        .hasMessage("Prometheus failed (HTTP 502): <html>Bad Gateway</html>");
  }

  @Test
  void garbageSaysWhatWasWrongWithoutAStackTrace() {
    assertThatThrownBy(() -> parse("{\"status\":\"success\",\"data\":{\"resultType\":"))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessageStartingWith("Prometheus answered with malformed JSON")
        .hasMessageNotContaining("com.fasterxml")
        .hasMessageNotContaining("Source:");
    assertThatThrownBy(() -> parse("<html><body>login</body></html>"))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessageStartingWith("Prometheus answered with malformed JSON")
        .hasMessageContaining("<html><body>login");
    assertThatThrownBy(() -> parse("{\"status\":\"success\"}"))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessage("Prometheus answered without data.resultType: {\"status\":\"success\"}");
    assertThatThrownBy(() -> parse("""
        {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}"""))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessage("Prometheus answered with a sample value that is not a number: \"abc\"");
    assertThatThrownBy(() -> parse("""
        {"status":"success","data":{"resultType":"vector","result":{"oops":1}}}"""))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessageContaining("data.result of a vector must be an array");
    assertThatThrownBy(() -> parse("""
        {"status":"success","data":{"resultType":"histogram","result":[]}}"""))
        .isInstanceOf(PrometheusFailure.BadAnswer.class)
        .hasMessageContaining("unknown resultType \"histogram\"");
  }

  @Test
  void anHttpErrorWithoutPrometheusBodyIsRejectedWithItsStatus() {
    assertThatThrownBy(() -> PrometheusResponse.parse(401, "Unauthorized"))
        .isInstanceOf(PrometheusFailure.Rejected.class)
        .hasMessage("Prometheus rejected the query (HTTP 401): Unauthorized");
  }
}
