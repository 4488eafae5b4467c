package mx.cocreacion.e2e;

import static mx.cocreacion.e2e.RestClient.vars;
import static mx.cocreacion.support.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.TestVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole exercise, steps 1 to 6, over engine REST as the people of the contract: the demo users of {@code oax}, the
 * STL members and the facilitator whose accounts the process creates. Broken rules come back as
 * HTTP 400 with a Spanish message naming the field; other tenants see nothing.
 */
@CocreacionTest
class RestEndToEndTest {

  @LocalServerPort int port;

  String businessKey;
  String tag;

  @BeforeEach
  void newExercise() {
    businessKey = ExerciseDriver.newBusinessKey("oax");
    tag = businessKey.replace("-", "") + "rest";
  }

  RestClient as(String user) {
    return new RestClient(port, user, "demo");
  }

  @Test
  void anExerciseGoesFromTheDeclarationToTheEvaluation() throws Exception {
    RestClient guarantor = as("oax-guarantor");

    // Start: refused for another entidad, accepted for the guarantor's own.
    var foreign = guarantor.post("/process-definition/key/local-exercise/start", Map.of(
        "businessKey", businessKey.replace("oax", "jal"), "variables", start("jal").get("variables")));
    assertBadRequest(foreign, "entity", "solo puede iniciar ejercicios de su propia entidad");
    var started = guarantor.post("/process-definition/key/local-exercise/start",
        Map.of("businessKey", businessKey, "variables", start("oax").get("variables")));
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.body().path("tenantId").asText()).isEqualTo("oax");
    String exerciseId = started.body().path("id").asText();
    assertBadRequest(guarantor.post("/process-definition/key/local-exercise/start",
        Map.of("businessKey", businessKey, "variables", start("oax").get("variables"))), "businessKey", "en curso");

    // Step 1: each sector signs its own task.
    for (String sector : List.of("guarantor", "society", "government")) {
      RestClient signer = as("oax-" + sector);
      JsonNode mine = tasks(signer, "sign-declaration");
      assertThat(mine).as("sign-declaration tasks visible to oax-" + sector).hasSize(1);
      String id = mine.get(0).path("id").asText();
      assertBadRequest(signer.post("/task/" + id + "/complete",
          vars("signatoryName", "String", "Firmante", "signed", "Boolean", false)), "signed", "debe ser verdadero");
      complete(signer, id, vars("signatoryName", "String", "Firmante " + sector, "signed", "Boolean", true));
    }

    // Step 2.
    String outreach = single(guarantor, "conduct-outreach");
    assertBadRequest(guarantor.post("/task/" + outreach + "/complete", vars(
        "outreachSessions", "Json", List.of(Map.of("date", "2031-01-10", "place", "Sede", "attendees", 10)),
        "actors", "Json", List.of(Map.of("name", "OSC", "sector", "society")))), "actors", "falta");
    complete(guarantor, outreach, vars(
        "outreachSessions", "Json", List.of(Map.of("date", "2031-01-10", "place", "Sede", "attendees", 10)),
        "actors", "Json", List.of(Map.of("name", "A", "sector", "guarantor"), Map.of("name", "B", "sector", "society"),
            Map.of("name", "C", "sector", "government"))));

    // Step 3: the guarantor convenes and elects; the STL (titular or suplente) does the rest.
    String convene = single(guarantor, "convene-stl-meeting");
    assertBadRequest(guarantor.post("/task/" + convene + "/complete",
        vars("meetingDate", "Date", "2031-02-01T10:00:00.000+0000")), "meetingPlace", "obligatorio");
    complete(guarantor, convene, vars("meetingDate", "Date", "2031-02-01T10:00:00.000+0000",
        "meetingPlace", "String", "Sala de plenos", "meetingInvitees", "String", "Universidad estatal"));
    String elect = single(guarantor, "elect-stl");
    assertBadRequest(guarantor.post("/task/" + elect + "/complete",
        vars("stlMembers", "Json", TestVariables.stlMembers(tag).subList(0, 4))), "stlMembers", "falta al menos un");
    // The election needs the minutes of the meeting: attached to the task, as Tasklist's «Evidencia» tab does.
    assertBadRequest(guarantor.post("/task/" + elect + "/complete",
        vars("stlMembers", "Json", TestVariables.stlMembers(tag))), "meetingMinutes", "Acta de la reunión");
    assertThat(guarantor.attachPdf(elect, "acta-instalacion-stl.pdf").status()).isEqualTo(200);
    complete(guarantor, elect, vars("stlMembers", "Json", TestVariables.stlMembers(tag)));

    RestClient suplente = as("suplente.society." + tag + "@stl.mx");
    RestClient titular = as("titular.government." + tag + "@stl.mx");
    String rules = single(suplente, "define-stl-rules");
    assertBadRequest(suplente.post("/task/" + rules + "/complete",
        vars("decisionRule", "String", "votación", "rulesText", "String", "Reglas")), "decisionRule", "valores permitidos");
    // The rules are the STL's: the minutes of the session that agreed them, attached to the task.
    assertBadRequest(suplente.post("/task/" + rules + "/complete", vars("decisionRule", "String", "majority",
        "rulesText", "String", "Reglas mínimas")), "rulesMinutes", "Acta de la sesión");
    assertThat(suplente.attachPdf(rules, "acta-reglas-stl.pdf").status()).isEqualTo(200);
    complete(suplente, rules, vars("decisionRule", "String", "majority", "rulesText", "String", "Reglas mínimas"));
    complete(titular, single(titular, "select-facilitator"), vars("facilitatorName", "String", "Laura",
        "facilitatorEmail", "String", "laura." + tag + "@mesas.mx", "facilitatorReason", "String", "Conduce mesas"));
    // Every titular votes the proposal in a task of their own; against needs a reason.
    for (String sector : List.of("guarantor", "society", "government")) {
      RestClient voter = as("titular." + sector + "." + tag + "@stl.mx");
      JsonNode vote = voter.get("/task?assignee=" + q("titular." + sector + "." + tag + "@stl.mx")
          + "&taskDefinitionKey=vote-facilitator").body();
      assertThat(vote).hasSize(1);
      String voteId = vote.get(0).path("id").asText();
      if (sector.equals("guarantor")) {
        assertBadRequest(voter.post("/task/" + voteId + "/complete", vars("facilitatorApproved", "Boolean", false)),
            "facilitatorComments", "es obligatorio al votar en contra");
      }
      complete(voter, voteId, vars("facilitatorApproved", "Boolean", true));
    }
    String agenda = single(titular, "draft-annual-agenda");
    assertBadRequest(titular.post("/task/" + agenda + "/complete",
        vars("agenda", "Json", List.of(Map.of("date", "2031-03-01", "activity", "Mesas")))), "agendaMinutes", "Acta de la sesión");
    assertThat(titular.attachPdf(agenda, "acta-agenda-stl.pdf").status()).isEqualTo(200);
    complete(titular, agenda, vars("agenda", "Json", List.of(Map.of("date", "2031-03-01", "activity", "Mesas"))));

    // Step 4: the facilitator's account was created by the process.
    RestClient facilitator = as("laura." + tag + "@mesas.mx");
    complete(facilitator, single(facilitator, "plan-working-tables"), vars("workingTables", "Json",
        List.of(Map.of("topic", "Agua", "date", "2031-03-10"), Map.of("topic", "Salud", "date", "2031-03-11"))));
    JsonNode tables = tasks(facilitator, "hold-working-table");
    assertThat(tables).hasSize(2);
    for (JsonNode table : tables) {
      complete(facilitator, table.path("id").asText(), vars(
          "participants", "Json", List.of(Map.of("name", "P", "sector", "society", "organization", "OSC"),
              Map.of("name", "G", "sector", "government", "organization", "Gobierno")),
          "problems", "Json", List.of("Problema")));
    }
    String consolidate = single(facilitator, "consolidate-commitments");
    assertBadRequest(facilitator.post("/task/" + consolidate + "/complete",
        vars("commitments", "Json", "[{\"title\":\"Sin actividades\",\"sdgs\":[20],\"activities\":[]}]")),
        "commitments[1].sdgs", "del 1 al 17");
    complete(facilitator, consolidate, vars("commitments", "Json", TestVariables.COMMITMENTS));
    for (String sector : List.of("guarantor", "society", "government")) {
      RestClient voter = as("titular." + sector + "." + tag + "@stl.mx");
      JsonNode vote = voter.get("/task?assignee=" + q("titular." + sector + "." + tag + "@stl.mx")
          + "&taskDefinitionKey=approve-commitments").body();
      assertThat(vote).hasSize(1);
      String voteId = vote.get(0).path("id").asText();
      if (sector.equals("guarantor")) {
        // Per commitment (the form's way): a returned one needs its comment, named as the form names it.
        assertBadRequest(voter.post("/task/" + voteId + "/complete", vars("votes", "Json",
            "[{\"position\":1,\"approved\":true},{\"position\":2,\"approved\":false}]")),
            "votes[2].comments", "Su voto por compromiso, fila 2, Comentario: es obligatorio");
        complete(voter, voteId, vars("votes", "Json",
            "[{\"position\":1,\"approved\":true},{\"position\":2,\"approved\":true,\"comments\":\"De acuerdo\"}]"));
      } else {
        // A client of the first contract: approved alone approves every commitment of the vote.
        complete(voter, voteId, vars("approved", "Boolean", true, "comments", "String", ""));
      }
    }

    // Step 5.
    String schedule = single(titular, "schedule-pal");
    assertBadRequest(titular.post("/task/" + schedule + "/complete", vars(
        "palStart", "Date", "2032-02-01T10:00:00.000+0000", "palEnd", "Date", "2032-12-01T10:00:00.000+0000")),
        "palEnd", "al menos un año");
    assertThat(titular.attachPdf(schedule, "acta-vigencia-pal.pdf").status()).isEqualTo(200);
    complete(titular, schedule, vars("palStart", "Date", "2032-02-01T10:00:00.000+0000",
        "palEnd", "Date", "2033-02-01T10:00:00.000+0000"));
    String launch = single(guarantor, "hold-public-launch");
    assertBadRequest(guarantor.post("/task/" + launch + "/complete", vars(
        "launchDate", "Date", "2032-02-01T10:00:00.000+0000", "launchPlace", "String", "Plaza de la Danza")),
        "launchEvidence", "grabación");
    complete(guarantor, launch, vars("launchDate", "Date", "2032-02-01T10:00:00.000+0000",
        "launchPlace", "String", "Plaza de la Danza", "launchEvidenceUrl", "String", "https://video.oaxaca.gob.mx/pal"));

    // The exercise is now in step 6.
    // INAI supervises every entidad: it reads the instance and its variables.
    RestClient inai = as("inai-monitor");
    JsonNode activity = inai.get("/process-instance/" + exerciseId + "/activity-instances").body();
    List<String> active = new java.util.ArrayList<>();
    activity.path("childActivityInstances").forEach(a -> active.add(a.path("activityId").asText()));
    assertThat(active).as("step 6, and the STL's standing task for its sessions").containsExactlyInAnyOrder("step-6",
        "record-stl-session");
    JsonNode launchPlace = inai.get("/process-instance/" + exerciseId + "/variables/launchPlace").body();
    assertThat(launchPlace.path("value").asText()).isEqualTo("Plaza de la Danza");

    // Step 6: the STL reports on each commitment; both are fulfilled.
    JsonNode reports = tasks(titular, "report-progress");
    assertThat(reports).hasSize(2);
    String firstReport = reports.get(0).path("id").asText();
    assertBadRequest(titular.post("/task/" + firstReport + "/complete", vars("activityProgress", "Json",
        List.of(Map.of("activity", 9, "status", "done")))), "activityProgress[1].activity", "no es una actividad");
    for (JsonNode report : reports) {
      JsonNode rows = suplente.get("/task/" + report.path("id").asText() + "/variables/activityProgress?deserializeValue=false").body();
      List<Map<String, Object>> done = new java.util.ArrayList<>();
      Http.JSON.readTree(rows.path("value").asText()).forEach(row ->
          done.add(Map.of("activity", row.path("activity").asInt(), "status", "done")));
      complete(suplente, report.path("id").asText(), vars("activityProgress", "Json", done,
          "evidenceUrl", "String", "https://gobiernoabierto.oaxaca.gob.mx/evidencia"));
    }
    assertThat(as("admin").get("/process-instance?processDefinitionKey=commitment-implementation&businessKey="
        + q(businessKey)).body()).isEmpty();

    // Six months after the launch, INAI monitors; at the end of the PAL, it evaluates.
    String followUp = as("admin").get("/process-instance?superProcessInstance=" + exerciseId).body().get(0)
        .path("id").asText();
    fire(followUp, "Event_SixMonthsAfterLaunch");
    String monitoring = single(inai, "monitor-commitments");
    assertBadRequest(inai.post("/task/" + monitoring + "/complete", vars("monitoring", "Json", List.of(Map.of(
        "commitment", 1, "verifiable", true, "relevant", true, "potentialImpact", "transformative")))),
        "monitoring", "exactamente una entrada por compromiso");
    complete(inai, monitoring, vars("monitoring", "Json", List.of(
        Map.of("commitment", 1, "verifiable", true, "relevant", true, "potentialImpact", "transformative", "notes", ""),
        Map.of("commitment", 2, "verifiable", true, "relevant", true, "potentialImpact", "minor", "notes", ""))));
    fire(followUp, "Event_PalEnded");
    // Before INAI evaluates, the STL assesses itself (a PAL of one year: no yearly evaluation before).
    assertThat(tasks(inai, "evaluate-performance")).as("no evaluation before the self-assessment").isEmpty();
    String self = single(suplente, "self-assess-pal");
    assertBadRequest(suplente.post("/task/" + self + "/complete", vars("achievements", "String", "Portal publicado")),
        "difficulties", "obligatorio");
    complete(suplente, self, vars("achievements", "String", "Portal publicado y comités instalados",
        "difficulties", "String", "Cambio de titular en la dependencia", "lessons", "String", "Acordar quién publica"));
    complete(inai, single(inai, "evaluate-performance"), vars("evaluation", "Json", List.of(
        Map.of("commitment", 1, "completion", "complete", "openedGovernment", "major", "notes", ""),
        Map.of("commitment", 2, "completion", "substantial", "openedGovernment", "marginal", "notes", ""))));

    JsonNode history = inai.get("/history/process-instance/" + exerciseId).body();
    assertThat(history.path("state").asText()).isEqualTo("COMPLETED");
    JsonNode starred = inai.get("/history/variable-instance?variableName=starredCommitments&deserializeValues=false&processInstanceId="
        + followUp).body();
    assertThat(starred.get(0).path("value").asText()).isEqualTo("[1]");
  }

  /** Fires a timer of the follow-up as an operator would: POST /job/{id}/execute. */
  private void fire(String processInstanceId, String activityId) {
    RestClient admin = as("admin");
    JsonNode jobs = admin.get("/job?timers=true&processInstanceId=" + processInstanceId + "&activityId=" + activityId).body();
    assertThat(jobs).as("timer " + activityId).hasSize(1);
    assertThat(admin.post("/job/" + jobs.get(0).path("id").asText() + "/execute", Map.of()).status()).isEqualTo(204);
  }

  @Test
  void otherTenantsAndAnonymousClientsGetNothing() {
    var started = as("oax-guarantor").post("/process-definition/key/local-exercise/start",
        Map.of("businessKey", businessKey, "variables", start("oax").get("variables")));
    assertThat(started.status()).isEqualTo(200);
    String taskId = tasks(as("oax-society"), "sign-declaration").get(0).path("id").asText();

    assertThat(new RestClient(port, null, null).get("/task").status()).isEqualTo(401);
    // (A wrong password locks that user for a while: Camunda's login throttling. Use a bystander.)
    assertThat(new RestClient(port, "cam-government", "wrong").get("/task").status()).isEqualTo(401);
    RestClient jal = as("jal-society");
    assertThat(tasks(jal, "sign-declaration")).isEmpty();
    assertThat(jal.get("/task/" + taskId).status()).isIn(403, 404);
    assertThat(jal.post("/task/" + taskId + "/complete",
        vars("signatoryName", "String", "Intruso", "signed", "Boolean", true)).status()).isIn(403, 404);
    assertThat(as("oax-society").get("/task/" + taskId).status()).isEqualTo(200);
    assertThat(jal.get("/process-instance?businessKey=" + businessKey).body()).isEmpty();
  }

  @Test
  void theSharedTasklistFiltersShowEachPersonTheirWork() {
    var started = as("oax-guarantor").post("/process-definition/key/local-exercise/start",
        Map.of("businessKey", businessKey, "variables", start("oax").get("variables")));
    assertThat(started.status()).isEqualTo(200);
    for (String user : List.of("oax-society", "jal-society", "inai-monitor")) {
      RestClient client = as(user);
      JsonNode filters = client.get("/filter?resourceType=Task").body();
      Map<String, String> byName = new java.util.HashMap<>();
      filters.forEach(f -> byName.put(f.path("name").asText(), f.path("id").asText()));
      assertThat(byName).as("filters of " + user).containsKeys("Mis tareas", "Tareas de mi grupo");
      var groupTasks = client.get("/filter/" + byName.get("Tareas de mi grupo") + "/list?maxResults=500");
      assertThat(groupTasks.status()).as(user + ": " + groupTasks.body()).isEqualTo(200);
      long mine = 0;
      for (JsonNode task : groupTasks.body()) {
        if (started.body().path("id").asText().equals(task.path("processInstanceId").asText())
            || "sign-declaration".equals(task.path("taskDefinitionKey").asText())
                && "oax".equals(task.path("tenantId").asText())) {
          mine++;
        }
      }
      if (user.equals("oax-society")) {
        assertThat(mine).as("oax-society sees its declaration to sign").isPositive();
      } else {
        assertThat(mine).as(user + " sees no oax declaration in its group filter").isZero();
      }
    }
    assertThat(as("inai-monitor").get("/filter?resourceType=Task").body().toString()).contains("Monitoreo INAI");
    assertThat(as("oax-society").get("/filter?resourceType=Task").body().toString()).doesNotContain("Monitoreo INAI");
  }

  private JsonNode tasks(RestClient client, String taskKey) {
    var response = client.get("/task?processInstanceBusinessKey=" + q(businessKey) + "&taskDefinitionKey=" + taskKey);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private String single(RestClient client, String taskKey) {
    JsonNode tasks = tasks(client, taskKey);
    assertThat(tasks).as("open " + taskKey + " tasks visible to the user").hasSize(1);
    assertThat(tasks.get(0).path("due").isNull()).as("due date of " + taskKey).isFalse();
    return tasks.get(0).path("id").asText();
  }

  private static void complete(RestClient client, String taskId, Map<String, Object> body) {
    var response = client.post("/task/" + taskId + "/complete", body);
    assertThat(response.status()).as("complete: " + response.body()).isEqualTo(204);
  }

  private static void assertBadRequest(RestClient.Response response, String field, String messagePart) {
    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
    // The message names the field as the form does (e.g. «Entidad federativa»); the violation keeps its key.
    assertThat(response.body().path("message").asText()).startsWith("No se pudo").contains(messagePart);
    assertThat(response.body().path("violations").toString()).contains("\"field\":\"" + field + "\"");
  }

  private static Map<String, Object> start(String entity) {
    return vars("entity", "String", entity, "exerciseName", "String", "Ejercicio REST",
        "guarantorBody", "String", "Órgano garante");
  }
}
