package mx.cocreacion.e2e;

import static mx.cocreacion.e2e.RestClient.vars;
import static mx.cocreacion.support.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.ReminderJobs;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every task completion, reminder and account provisioning is in Camunda's history or operation
 * log, and INAI reads it (Cockpit's audit log, the instance's variables and task comments); the
 * people of another entidad do not.
 */
@CocreacionTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

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

  @Test
  void inaiSeesTheAccountsTheProcessProvisionedAndWhoseTaskCausedIt() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    ProcessInstance exercise = driver.startAtStep("jal", 3);
    driver.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    engine.getIdentityService().setAuthentication("jal-guarantor", List.of("guarantor"), List.of("jal"));
    try {
      driver.complete(exercise, "elect-stl", TestVariables.electStl(driver.tag(exercise)));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String titular = "titular.society." + driver.tag(exercise) + "@stl.mx";

    RestClient inai = new RestClient(port, "inai-monitor", "demo");
    JsonNode created = inai.get("/history/user-operation?entityType=User&operationType=Create&userId=jal-guarantor").body();
    assertThat(created).as("account creations in INAI's audit log")
        .anySatisfy(entry -> {
          assertThat(entry.path("newValue").asText()).isEqualTo(titular);
          assertThat(entry.path("category").asText()).isEqualTo("Admin");
        });
    JsonNode memberships = inai.get("/history/user-operation?entityType=" + q("Group membership")
        + "&operationType=Create&userId=jal-guarantor").body();
    assertThat(memberships).as("its membership of the stl group")
        .anySatisfy(entry -> assertThat(entry.path("newValue").asText()).isIn(titular, "stl"));

    JsonNode foreign = new RestClient(port, "oax-guarantor", "demo")
        .get("/history/user-operation?entityType=User&userId=jal-guarantor").body();
    assertThat(foreign).as("not for the people of an entidad").isEmpty();
  }

  @Test
  void inaiSeesEachReminderOnTheInstanceAndTheTask() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    ProcessInstance exercise = driver.startAtStep("jal", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Job reminder = ReminderJobs.reminderJob(engine, task);
    ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plusSeconds(60)));
    try {
      engine.getManagementService().executeJob(reminder.getId());
    } finally {
      ClockUtil.reset();
    }

    RestClient inai = new RestClient(port, "inai-monitor", "demo");
    JsonNode variables = inai.get("/history/variable-instance?processInstanceId=" + task.getProcessInstanceId()
        + "&variableName=lastReminder").body();
    assertThat(variables).hasSize(1);
    assertThat(variables.get(0).path("value").asText()).startsWith("Recordatorio 1 de «");
    JsonNode comments = inai.get("/task/" + task.getId() + "/comment").body();
    assertThat(comments).anySatisfy(c -> assertThat(c.path("message").asText()).startsWith("Recordatorio 1 enviado a: "));

    RestClient foreign = new RestClient(port, "oax-guarantor", "demo");
    assertThat(foreign.get("/history/variable-instance?processInstanceId=" + task.getProcessInstanceId()).body())
        .isEmpty();
    assertThat(foreign.get("/task/" + task.getId() + "/comment").status()).isIn(403, 404);
  }
}
