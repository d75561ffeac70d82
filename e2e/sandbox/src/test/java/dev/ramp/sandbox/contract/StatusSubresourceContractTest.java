package dev.ramp.sandbox.contract;

import static dev.ramp.sandbox.contract.harness.Manifests.rollout;
import static dev.ramp.sandbox.contract.harness.Manifests.virtualService;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ramp.sandbox.contract.harness.Answer;
import dev.ramp.sandbox.contract.harness.Contract;
import dev.ramp.sandbox.contract.harness.ContractTest;
import dev.ramp.sandbox.contract.harness.Expect;
import dev.ramp.sandbox.contract.harness.Resource;
import org.junit.jupiter.api.DisplayName;

/** Rows S*: the status subresource splits writes: the main resource ignores status, /status ignores the rest. */
class StatusSubresourceContractTest {
  private static final Resource R = Resource.ROLLOUTS;

  @ContractTest
  @DisplayName("S1: create with .status filled (status subresource enabled): status is dropped")
  void s1(Contract c) {
    ObjectNode object = rollout("s1");
    object.putObject("status").put("phase", "Healthy");
    Answer answer = c.create(R, object);
    Expect.ok(answer, 201, "Rollout");
    assertThat(answer.at("/status").isMissingNode()).as("%s", answer).isTrue();
  }

  @ContractTest
  @DisplayName("S2: a merge patch of the main resource with .status and .spec changes spec only")
  void s2(Contract c) {
    c.created(R, rollout("s2"));
    c.mergeStatus(R, "s2", "{'status':{'phase':'Progressing'}}");
    Answer answer = c.merge(R, "s2", "{'spec':{'canaryWeight':2},'status':{'phase':'Healthy'}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.text("/status/phase")).isEqualTo("Progressing");
    assertThat(answer.at("/spec/canaryWeight").asInt()).isEqualTo(2);
  }

  @ContractTest
  @DisplayName("S3: PUT /status that also changes spec, a label and an annotation changes status only")
  void s3(Contract c) {
    c.created(R, rollout("s3"));
    ObjectNode body = (ObjectNode) c.get(R, "s3").json();
    body.putObject("status").put("phase", "Healthy");
    body.withObjectProperty("spec").put("image", "app:2");
    body.withObjectProperty("metadata").putObject("labels").put("team", "a");
    body.withObjectProperty("metadata").putObject("annotations").put("note", "x");
    Answer answer = c.putStatus(R, "s3", body);
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.text("/status/phase")).isEqualTo("Healthy");
    assertThat(answer.text("/spec/image")).isEqualTo("app:1");
    assertThat(answer.at("/metadata/labels").isMissingNode()).as("labels in %s", answer).isTrue();
    assertThat(answer.at("/metadata/annotations").isMissingNode()).as("annotations in %s", answer).isTrue();
  }

  @ContractTest
  @DisplayName("S4: a merge patch of /status that also changes spec and a label changes status only")
  void s4(Contract c) {
    c.created(R, rollout("s4"));
    Answer answer =
        c.mergeStatus(
            R, "s4", "{'status':{'phase':'Degraded'},'spec':{'image':'app:2'},'metadata':{'labels':{'team':'a'}}}");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.text("/status/phase")).isEqualTo("Degraded");
    assertThat(answer.text("/spec/image")).isEqualTo("app:1");
    assertThat(answer.at("/metadata/labels").isMissingNode()).as("labels in %s", answer).isTrue();
  }

  @ContractTest
  @DisplayName("S5: /status of a custom resource without status subresource (VirtualService) is 404 NotFound")
  void s5(Contract c) {
    c.created(Resource.VIRTUAL_SERVICES, virtualService("st-vs"));
    Answer answer = c.mergeStatus(Resource.VIRTUAL_SERVICES, "st-vs", "{'status':{'x':'y'}}");
    Expect.notFound(answer, Resource.VIRTUAL_SERVICES, "st-vs");
  }

  @ContractTest
  @DisplayName("S6: GET /status answers the whole object, spec included")
  void s6(Contract c) {
    c.created(R, rollout("s6"));
    Answer answer = c.wire().get(c.path(R, "s6") + "/status");
    Expect.ok(answer, 200, "Rollout");
    assertThat(answer.text("/spec/image")).isEqualTo("app:1");
  }
}
