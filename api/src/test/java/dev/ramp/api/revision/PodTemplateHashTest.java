package dev.ramp.api.revision;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

  private static V1PodTemplateSpec template(String image, Map<String, String> labels) {
    return new V1PodTemplateSpec()
        .metadata(new V1ObjectMeta().labels(labels))
        .spec(new V1PodSpec().containers(List.of(new V1Container().name("app").image(image))));
  }

  @Test
  void sameTemplateGivesSameHashWhateverTheOrderOfItsMaps() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("app", "web");
    ab.put("tier", "front");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("tier", "front");
    ba.put("app", "web");

    assertThat(PodTemplateHash.of(template("web:1", ab), 0))
        .isEqualTo(PodTemplateHash.of(template("web:1", ba), 0));
  }

  @Test
  void aChangedImageIsANewRevision() {
    Map<String, String> labels = Map.of("app", "web");
    assertThat(PodTemplateHash.of(template("web:1", labels), 0))
        .isNotEqualTo(PodTemplateHash.of(template("web:2", labels), 0));
  }

  @Test
  void aCollisionCountMovesTheHash() {
    V1PodTemplateSpec t = template("web:1", Map.of("app", "web"));
    assertThat(PodTemplateHash.of(t, 1)).isNotEqualTo(PodTemplateHash.of(t, 0));
  }

  @Test
  void theHashIsAValidLabelValueWithoutVowels() {
    String hash = PodTemplateHash.of(template("web:1", Map.of("app", "web")), 0);
    assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}");
  }

  @Test
  void theHashIsStableAcrossReleases() {
    // Changing this value renames every ReplicaSet of every running Rollout on upgrade: don't.
    assertThat(PodTemplateHash.of(template("web:1", Map.of("app", "web")), 0)).isEqualTo("5fb5bf8fc7");
  }
}
