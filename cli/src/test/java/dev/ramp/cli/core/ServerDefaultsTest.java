package dev.ramp.cli.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ServerDefaultsTest {

  @Test
  void theDefaultsTheServerFillsIntoAReplicaSetsTemplateAreTakenOut() {
    String stored = """
        {"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
         "spec":{"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst",
           "securityContext":{},"schedulerName":"default-scheduler",
           "containers":[{"name":"web","image":"web:2","imagePullPolicy":"IfNotPresent","resources":{},
             "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
             "ports":[{"containerPort":8080,"protocol":"TCP"}],
             "readinessProbe":{"httpGet":{"port":8080,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,
               "periodSeconds":10,"successThreshold":1,"failureThreshold":3}}]}}""";

    assertThat(ServerDefaults.strip(JsonParser.parseString(stored).getAsJsonObject()).toString()).isEqualTo(
        "{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"web:2\","
            + "\"ports\":[{\"containerPort\":8080}],\"readinessProbe\":{\"httpGet\":{\"port\":8080}}}]}}");
  }

  @Test
  void valuesOtherThanTheDefaultsStay() {
    String chosen = """
        {"spec":{"restartPolicy":"Always","terminationGracePeriodSeconds":5,"dnsPolicy":"None",
           "containers":[{"name":"web","image":"web:latest","imagePullPolicy":"IfNotPresent",
             "resources":{"limits":{"cpu":"1"}}}]}}""";

    assertThat(ServerDefaults.strip(JsonParser.parseString(chosen).getAsJsonObject()).toString()).isEqualTo(
        "{\"spec\":{\"terminationGracePeriodSeconds\":5,\"dnsPolicy\":\"None\",\"containers\":[{\"name\":\"web\","
            + "\"image\":\"web:latest\",\"imagePullPolicy\":\"IfNotPresent\",\"resources\":{\"limits\":{\"cpu\":\"1\"}}}]}}");
  }

  @Test
  void untaggedAndLatestImagesDefaultToAlways() {
    assertThat(ServerDefaults.pullPolicy("nginx")).isEqualTo("Always");
    assertThat(ServerDefaults.pullPolicy("registry:5000/nginx")).isEqualTo("Always");
    assertThat(ServerDefaults.pullPolicy("nginx:latest")).isEqualTo("Always");
    assertThat(ServerDefaults.pullPolicy("nginx:1.25")).isEqualTo("IfNotPresent");
    assertThat(ServerDefaults.pullPolicy("nginx@sha256:abc")).isEqualTo("IfNotPresent");
  }
}
