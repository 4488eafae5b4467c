package mx.cocreacion.e2e;

import static mx.cocreacion.e2e.RestClient.q;
import static mx.cocreacion.e2e.RestClient.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every task completion is in Camunda's operation log, and INAI reads it (Cockpit's audit log). */
@CocreacionTest
class AuditTrailTest {

  @LocalServerPort int port;

  @Test
  void inaiSeesWhoCompletedEachTask() {
    String businessKey = ExerciseDriver.newBusinessKey("cam");
    RestClient guarantor = new RestClient(port, "cam-guarantor", "demo");
    var started = guarantor.post("/process-definition/key/local-exercise/start", Map.of("businessKey", businessKey,
        "variables", vars("entity", "String", "cam", "exerciseName", "String", "Ejercicio auditado",
            "guarantorBody", "String", "COTAIPEC").get("variables")));
    assertThat(started.status()).isEqualTo(200);
    RestClient society = new RestClient(port, "cam-society", "demo");
    JsonNode tasks = society.get("/task?processInstanceBusinessKey=" + q(businessKey)
        + "&taskDefinitionKey=sign-declaration").body();
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    assertThat(society.post("/task/" + taskId + "/complete",
        vars("signatoryName", "String", "Colectivo Campeche", "signed", "Boolean", true)).status()).isEqualTo(204);

    JsonNode log = new RestClient(port, "inai-monitor", "demo")
        .get("/history/user-operation?taskId=" + taskId + "&operationType=Complete").body();
    assertThat(log).as("operation log of the completion, read by INAI").isNotEmpty();
    assertThat(log.get(0).path("userId").asText()).isEqualTo("cam-society");

    // Another entidad's people do not read it.
    JsonNode foreign = new RestClient(port, "oax-society", "demo")
        .get("/history/user-operation?taskId=" + taskId).body();
    assertThat(foreign).isEmpty();
  }
}
