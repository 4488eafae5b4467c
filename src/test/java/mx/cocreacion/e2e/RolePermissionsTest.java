package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The people of an entidad work on their tasks but cannot delete exercises, suspend or redeploy
 * definitions: each role has only what its tasks need (issue 5).
 */
@CocreacionTest
class RolePermissionsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void localRolesCannotDeleteInstancesNorChangeDefinitions() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    ProcessInstance exercise = driver.startAtStep("oax", 4);
    String stlMember = "suplente.society." + driver.tag(exercise) + "@stl.mx";
    String facilitator = "facilitadora." + driver.tag(exercise) + "@mesas.mx";
    String definitionId = exercise.getProcessDefinitionId();
    String deploymentId = engine.getRepositoryService().getProcessDefinition(definitionId).getDeploymentId();

    for (String user : List.of("oax-guarantor", "oax-society", stlMember, facilitator)) {
      RestClient client = new RestClient(port, user, "demo");
      assertThat(client.delete("/process-instance/" + exercise.getId()).status())
          .as(user + " deletes the exercise").isIn(403, 404);
      assertThat(client.put("/process-definition/" + definitionId + "/suspended",
          Map.of("suspended", true, "includeProcessInstances", true)).status())
          .as(user + " suspends the definition").isEqualTo(403);
      assertThat(client.delete("/deployment/" + deploymentId + "?cascade=true").status())
          .as(user + " deletes the deployment").isIn(403, 404);
      assertThat(client.delete("/process-definition/" + definitionId).status())
          .as(user + " deletes the definition").isIn(403, 404);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(exercise.getId()).count())
        .isOne();
    assertThat(engine.getRepositoryService().getProcessDefinition(definitionId).isSuspended()).isFalse();

    // The facilitator can still do the work of step 4.
    RestClient facilitatorClient = new RestClient(port, facilitator, "demo");
    assertThat(facilitatorClient.get("/task?processInstanceBusinessKey=" + exercise.getBusinessKey()
        + "&taskDefinitionKey=plan-working-tables").body()).hasSize(1);
  }

  @Test
  void onlyThePlatformsAdministrationOpensAnStlReelection() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    ProcessInstance exercise = driver.startAtStep("oax", 4);
    Map<String, Object> reelection = Map.of("messageName", "stl-reelection",
        "businessKey", exercise.getBusinessKey(), "tenantId", "oax");
    String stlMember = "titular.government." + driver.tag(exercise) + "@stl.mx";

    for (String user : List.of("oax-guarantor", "oax-society", stlMember, "jal-guarantor", "inai-monitor")) {
      assertThat(new RestClient(port, user, "demo").post("/message", reelection).status())
          .as(user + " opens a re-election").isIn(400, 403, 404);
    }
    assertThat(driver.tasks(exercise, "elect-stl")).as("nothing opened").isEmpty();

    assertThat(new RestClient(port, "admin", "demo").post("/message", reelection).status()).isIn(200, 204);
    assertThat(driver.tasks(exercise, "elect-stl")).hasSize(1);
  }
}
