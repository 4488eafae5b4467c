package mx.cocreacion.security;

import static mx.cocreacion.support.Http.var;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.StateSnapshot;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hostile matrix (issue 14): every role of {@code jal} (guarantor, society, government, an STL member,
 * the facilitator), {@code inai} and an anonymous client try every write path of engine REST and of the
 * webapps' API against {@code oax}'s objects and against their own entidad's exercise where the role has no
 * business: starts that skip the model, variables of instances, executions and tasks, completions with fields
 * the task does not have, resolve, BPMN errors, claims and assignments for others, identity links, new tasks,
 * attachments and comments, jobs and job definitions (the tenantless history cleanup too), messages, signals,
 * modification, migration, restart, external tasks, incidents and the project's CSV import. Each is refused
 * with a 4xx (401 for anonymous), never a 5xx, and a snapshot of the plan of record and of the engine's
 * runtime, identity, attachment, comment and audit tables taken before the first attack is unchanged after
 * the last. Control rows then prove the legitimate actions still work.
 */
@CocreacionTest
class HostileMatrixTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  /** The objects under attack. */
  record Fixture(ProcessInstance oax, String oaxReport, String oaxReportExecution, String oaxTimer,
      String oaxAttachment, String oaxConsolidate, String oaxFacilitator,
      ProcessInstance jal, String jalReport, String jalReportExecution, String jalTimer, String jalTimerDefinition,
      String jalStl, String jalFacilitator, String jalSignSociety, String jalLaunch, ProcessInstance jalLaunchExercise,
      String cleanupJob, String exerciseDefinition, String groupFilter) {}

  record Attack(String name, BiFunction<Http, String, Answer> call) {}

  /** Every attack's answer (actor, attack, status, message), written to target/hostile-matrix.tsv. */
  private static final List<String> REPORT = java.util.Collections.synchronizedList(new ArrayList<>());

  @TestFactory
  Stream<DynamicTest> noPersonChangesAnythingOutsideTheirTasks() {
    Fixture f = fixture();
    Http http = new Http(port);
    List<String> actors = new ArrayList<>(List.of("jal-guarantor", "jal-society", "jal-government", f.jalStl(),
        f.jalFacilitator(), DemoUsers.INAI_MONITOR));
    actors.add(null);

    List<Attack> attacks = attacks(f);
    StateSnapshot before = StateSnapshot.take(dataSource);
    List<DynamicTest> rows = new ArrayList<>();
    for (Attack attack : attacks) {
      for (String actor : actors) {
        if (DemoUsers.INAI_MONITOR.equals(actor) && attack.name().startsWith("GET ")) {
          continue; // INAI reads everything (a control row below)
        }
        rows.add(DynamicTest.dynamicTest((actor == null ? "anónimo" : actor) + " → " + attack.name(), () -> {
          Answer answer = attack.call().apply(http, actor);
          REPORT.add((actor == null ? "anónimo" : actor) + "\t" + attack.name() + "\t" + answer.status() + "\t"
              + answer.message().replaceAll("\\s+", " "));
          assertRefused(actor, attack.name(), answer);
        }));
      }
    }
    rows.add(DynamicTest.dynamicTest("nada cambió: el plan de record y el motor siguen igual tras " + rows.size()
        + " ataques", () -> assertThat(before.differences(StateSnapshot.take(dataSource))).isEmpty()));
    rows.add(DynamicTest.dynamicTest("informe: target/hostile-matrix.tsv", () -> {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/hostile-matrix.tsv"), REPORT);
    }));
    rows.addAll(controls(http, f));
    return rows.stream();
  }

  private static void assertRefused(String actor, String attack, Answer answer) {
    String what = (actor == null ? "anónimo" : actor) + " " + attack + " → " + answer;
    assertThat(answer.status()).as(what).isBetween(400, 499);
    if (actor == null) {
      assertThat(answer.status()).as(what).isIn(401, 403);
    } else {
      assertThat(answer.status()).as(what).isNotEqualTo(401);
    }
  }

  // --- the attacks --------------------------------------------------------------------------

  private List<Attack> attacks(Fixture f) {
    String oaxId = f.oax().getId();
    String jalId = f.jal().getId();
    String rest = "/engine-rest";
    String webapp = Http.WEBAPP_ENGINE;
    String start = "/process-definition/key/local-exercise/start";
    Map<String, Object> jalStart = Map.of("entity", var("String", "jal"), "exerciseName", var("String", "Ataque"),
        "guarantorBody", var("String", "Garante"), "exerciseId", var("String", oaxId));
    Map<String, Object> validReport = Map.of("activityProgress", var("Json", "[{\"activity\":1,\"status\":\"done\"}]"));
    List<Attack> a = new ArrayList<>();

    // 1. Starts that skip the model, or carry variables the start does not have.
    for (String root : List.of(rest, rest + "/engine/default", webapp)) {
      a.add(attack("POST " + root + start + " con startInstructions al fin del ejercicio", (h, u) -> send(h, u, root,
          "POST", start, Map.of("businessKey", "jal-3001", "variables", jalStart, "startInstructions",
              List.of(Map.of("type", "startBeforeActivity", "activityId", "EndEvent_ExerciseFinished"))))));
    }
    a.add(attack("POST " + start + " con startInstructions en elect-stl", (h, u) -> h.post(u, rest + start,
        Map.of("businessKey", "jal-3002", "variables", jalStart, "startInstructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "elect-stl"))))));
    a.add(attack("POST " + start + " con skipCustomListeners", (h, u) -> h.post(u, rest + start,
        Map.of("businessKey", "jal-3003", "variables", jalStart, "skipCustomListeners", true))));
    a.add(attack("POST " + start + " con la variable exerciseId de oax", (h, u) -> h.post(u, rest + start,
        Map.of("businessKey", "jal-3004", "variables", jalStart))));
    a.add(attack("POST /process-definition/{id}/restart", (h, u) -> h.post(u, rest + "/process-definition/"
        + f.exerciseDefinition() + "/restart", Map.of("processInstanceIds", List.of(oaxId), "instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", "step-6")), "skipCustomListeners", true))));
    a.add(attack("POST /condition", (h, u) -> h.post(u, rest + "/condition",
        Map.of("variables", Map.of("x", var("String", "y")), "tenantId", "jal"))));

    // 2. Variables of instances, executions and tasks, local or not, through every REST root.
    for (String root : List.of(rest, webapp)) {
      a.add(attack(root + " POST /process-instance/{oax}/variables", (h, u) -> send(h, u, root, "POST",
          "/process-instance/" + oaxId + "/variables", Map.of("modifications", Map.of("x", var("String", "y"))))));
      a.add(attack(root + " PUT /process-instance/{jal}/variables/palEnd", (h, u) -> send(h, u, root, "PUT",
          "/process-instance/" + jalId + "/variables/palEnd", var("Date", "2026-01-01T00:00:00.000+0000"))));
      a.add(attack(root + " PUT /task/{jal}/localVariables/exerciseId (el id de oax)", (h, u) -> send(h, u, root,
          "PUT", "/task/" + f.jalReport() + "/localVariables/exerciseId", var("String", oaxId))));
      a.add(attack(root + " PUT /task/{oax}/variables/x", (h, u) -> send(h, u, root, "PUT",
          "/task/" + f.oaxReport() + "/variables/x", var("String", "y"))));
    }
    a.add(attack("DELETE /process-instance/{jal}/variables/entity", (h, u) -> h.delete(u,
        rest + "/process-instance/" + jalId + "/variables/entity")));
    a.add(attack("POST /process-instance/variables-async", (h, u) -> h.post(u, rest + "/process-instance/variables-async",
        Map.of("processInstanceIds", List.of(jalId, oaxId), "variables", Map.of("x", var("String", "y"))))));
    a.add(attack("PUT /execution/{jal}/localVariables/commitmentPosition", (h, u) -> h.put(u,
        rest + "/execution/" + f.jalReportExecution() + "/localVariables/commitmentPosition", var("Integer", 2))));
    a.add(attack("POST /execution/{oax}/localVariables", (h, u) -> h.post(u,
        rest + "/execution/" + f.oaxReportExecution() + "/localVariables",
        Map.of("modifications", Map.of("x", var("String", "y"))))));
    a.add(attack("POST /task/{jal}/variables", (h, u) -> h.post(u, rest + "/task/" + f.jalReport() + "/variables",
        Map.of("modifications", Map.of("activityProgress", var("Json", "[]"))))));
    a.add(attack("POST /task/{jal}/localVariables", (h, u) -> h.post(u, rest + "/task/" + f.jalReport()
        + "/localVariables", Map.of("modifications", Map.of("exerciseId", var("String", oaxId))))));
    a.add(attack("DELETE /task/{jal}/variables/activityProgress", (h, u) -> h.delete(u,
        rest + "/task/" + f.jalReport() + "/variables/activityProgress")));

    // 3. Completions with fields the task does not have (Tasklist's API too).
    for (String root : List.of(rest, webapp)) {
      a.add(attack(root + " POST /task/{jal}/complete con exerciseId de oax", (h, u) -> send(h, u, root, "POST",
          "/task/" + f.jalReport() + "/complete", Map.of("variables", with(validReport, "exerciseId",
              var("String", oaxId))))));
      a.add(attack(root + " POST /task/{jal}/submit-form con commitmentPosition", (h, u) -> send(h, u, root, "POST",
          "/task/" + f.jalReport() + "/submit-form", Map.of("variables", with(validReport, "commitmentPosition",
              var("Integer", 2))))));
    }
    a.add(attack("POST /task/{firma de sociedad}/complete con sector=government", (h, u) -> h.post(u,
        rest + "/task/" + f.jalSignSociety() + "/complete", Map.of("variables", Map.of(
            "signatoryName", var("String", "Firmante"), "signed", var("Boolean", true),
            "sector", var("String", "government"))))));
    a.add(attack("POST /task/{lanzamiento}/complete con palEnd", (h, u) -> h.post(u,
        rest + "/task/" + f.jalLaunch() + "/complete", Map.of("variables", Map.of(
            "launchDate", var("Date", "2032-02-01T10:00:00.000+0000"), "launchPlace", var("String", "Plaza"),
            "palEnd", var("Date", "2040-01-01T10:00:00.000+0000"))))));
    a.add(attack("POST /task/{oax}/complete", (h, u) -> h.post(u, rest + "/task/" + f.oaxReport() + "/complete",
        Map.of("variables", validReport))));

    // 4. Powers over a task that bypass its form.
    String jalTask = rest + "/task/" + f.jalReport();
    a.add(attack("POST /task/{jal}/resolve", (h, u) -> h.post(u, jalTask + "/resolve",
        Map.of("variables", Map.of("x", var("String", "y"))))));
    a.add(attack("POST /task/{jal}/bpmnError", (h, u) -> h.post(u, jalTask + "/bpmnError",
        Map.of("errorCode", "x", "variables", Map.of("x", var("String", "y"))))));
    a.add(attack("POST /task/{jal}/bpmnEscalation", (h, u) -> h.post(u, jalTask + "/bpmnEscalation",
        Map.of("escalationCode", "x"))));
    a.add(attack("POST /task/{jal}/claim para otra persona", (h, u) -> h.post(u, jalTask + "/claim",
        Map.of("userId", "jal-society"))));
    a.add(attack("POST /task/{jal}/assignee a otra persona", (h, u) -> h.post(u, jalTask + "/assignee",
        Map.of("userId", "jal-government"))));
    a.add(attack("POST /task/{jal}/delegate", (h, u) -> h.post(u, jalTask + "/delegate",
        Map.of("userId", "jal-society"))));
    a.add(attack("POST /task/{jal}/identity-links (candidato)", (h, u) -> h.post(u, jalTask + "/identity-links",
        Map.of("userId", "jal-society", "type", "candidate"))));
    a.add(attack("POST /task/{jal}/identity-links/delete", (h, u) -> h.post(u, jalTask + "/identity-links/delete",
        Map.of("groupId", "stl", "type", "candidate"))));
    a.add(attack("PUT /task/{jal} (nombre, vencimiento)", (h, u) -> h.put(u, jalTask,
        Map.of("name", "Otra", "due", "2040-01-01T00:00:00.000+0000"))));
    a.add(attack("POST /task/create", (h, u) -> h.post(u, rest + "/task/create",
        Map.of("name", "Tarea inventada", "tenantId", "jal"))));
    a.add(attack("DELETE /task/{jal}", (h, u) -> h.delete(u, jalTask)));
    a.add(attack("POST /task/{oax}/claim", (h, u) -> h.post(u, rest + "/task/" + f.oaxReport() + "/claim",
        Map.of("userId", u == null ? "x" : u))));

    // 5. Attachments and comments on tasks the person cannot work.
    String oaxTask = rest + "/task/" + f.oaxReport();
    a.add(attack("POST /task/{oax}/attachment/create", (h, u) -> h.attach(u, oaxTask + "/attachment/create",
        "ataque.pdf", Http.pdf(1024))));
    a.add(attack("DELETE /task/{oax}/attachment/{id}", (h, u) -> h.delete(u,
        oaxTask + "/attachment/" + f.oaxAttachment())));
    a.add(attack("GET /task/{oax}/attachment/{id}", (h, u) -> h.get(u, oaxTask + "/attachment/" + f.oaxAttachment())));
    a.add(attack("GET /task/{oax}/attachment/{id}/data", (h, u) -> h.get(u,
        oaxTask + "/attachment/" + f.oaxAttachment() + "/data")));
    a.add(attack("POST /task/{oax}/comment/create", (h, u) -> h.post(u, oaxTask + "/comment/create",
        Map.of("message", "Comentario ajeno"))));
    a.add(attack("POST /task/{jal}/comment/create con el proceso de oax", (h, u) -> h.post(u,
        jalTask + "/comment/create", Map.of("message", "x", "processInstanceId", oaxId))));
    a.add(attack(webapp + " DELETE /task/{oax}/attachment/{id}", (h, u) -> h.webapp(u, "DELETE",
        webapp + "/task/" + f.oaxReport() + "/attachment/" + f.oaxAttachment(), null)));

    // 6. Jobs and job definitions, also the tenantless history cleanup.
    for (String job : List.of(f.oaxTimer(), f.jalTimer(), f.cleanupJob())) {
      String at = rest + "/job/" + job;
      String which = job.equals(f.cleanupJob()) ? "limpieza del historial" : job.equals(f.oaxTimer()) ? "oax" : "jal";
      a.add(attack("POST /job/{" + which + "}/execute", (h, u) -> h.post(u, at + "/execute", "")));
      a.add(attack("PUT /job/{" + which + "}/retries", (h, u) -> h.put(u, at + "/retries", Map.of("retries", 0))));
      a.add(attack("PUT /job/{" + which + "}/suspended", (h, u) -> h.put(u, at + "/suspended",
          Map.of("suspended", true))));
      a.add(attack("PUT /job/{" + which + "}/duedate", (h, u) -> h.put(u, at + "/duedate",
          Map.of("duedate", "2040-01-01T00:00:00.000+0000"))));
      a.add(attack("PUT /job/{" + which + "}/priority", (h, u) -> h.put(u, at + "/priority", Map.of("priority", 9))));
      a.add(attack("DELETE /job/{" + which + "}", (h, u) -> h.delete(u, at)));
    }
    a.add(attack("POST /job/retries (lote)", (h, u) -> h.post(u, rest + "/job/retries",
        Map.of("jobIds", List.of(f.jalTimer(), f.cleanupJob()), "retries", 0))));
    a.add(attack("PUT /job/suspended (por proceso)", (h, u) -> h.put(u, rest + "/job/suspended",
        Map.of("processDefinitionKey", "follow-up", "suspended", true))));
    a.add(attack(webapp + " PUT /job/{limpieza}/retries", (h, u) -> h.webapp(u, "PUT",
        webapp + "/job/" + f.cleanupJob() + "/retries", Map.of("retries", 0))));
    String definition = rest + "/job-definition/" + f.jalTimerDefinition();
    a.add(attack("PUT /job-definition/{id}/suspended", (h, u) -> h.put(u, definition + "/suspended",
        Map.of("suspended", true, "includeJobs", true))));
    a.add(attack("PUT /job-definition/{id}/retries", (h, u) -> h.put(u, definition + "/retries", Map.of("retries", 0))));
    a.add(attack("PUT /job-definition/{id}/jobPriority", (h, u) -> h.put(u, definition + "/jobPriority",
        Map.of("priority", 9, "includeJobs", true))));
    a.add(attack("POST /history/cleanup", (h, u) -> h.post(u, rest + "/history/cleanup?immediatelyDue=true", "")));

    // 7. Messages and signals the model does not give people; modification, migration, instances.
    for (ProcessInstance exercise : List.of(f.oax(), f.jal())) {
      String key = exercise.getBusinessKey();
      String tenant = exercise.getTenantId();
      a.add(attack("POST /message stl-reelection " + tenant, (h, u) -> h.post(u, rest + "/message",
          Map.of("messageName", "stl-reelection", "businessKey", key, "tenantId", tenant))));
    }
    a.add(attack(webapp + " POST /message stl-reelection jal", (h, u) -> h.webapp(u, "POST", webapp + "/message",
        Map.of("messageName", "stl-reelection", "businessKey", f.jal().getBusinessKey(), "tenantId", "jal"))));
    a.add(attack("POST /message/async", (h, u) -> h.post(u, rest + "/message/async",
        Map.of("messageName", "stl-reelection", "processInstanceIds", List.of(jalId)))));
    a.add(attack("POST /signal", (h, u) -> h.post(u, rest + "/signal", Map.of("name", "cualquiera"))));
    for (ProcessInstance exercise : List.of(f.oax(), f.jal())) {
      String at = rest + "/process-instance/" + exercise.getId();
      String tenant = exercise.getTenantId();
      a.add(attack("POST /process-instance/{" + tenant + "}/modification", (h, u) -> h.post(u, at + "/modification",
          Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId",
              "EndEvent_ExerciseFinished")), "skipCustomListeners", true))));
      a.add(attack("PUT /process-instance/{" + tenant + "}/suspended", (h, u) -> h.put(u, at + "/suspended",
          Map.of("suspended", true))));
      a.add(attack("DELETE /process-instance/{" + tenant + "}", (h, u) -> h.delete(u, at + "?skipCustomListeners=true")));
    }
    a.add(attack("POST /migration/execute", (h, u) -> h.post(u, rest + "/migration/execute", Map.of(
        "migrationPlan", Map.of("sourceProcessDefinitionId", f.exerciseDefinition(), "targetProcessDefinitionId",
            f.exerciseDefinition(), "instructions", List.of()), "processInstanceIds", List.of(jalId)))));
    a.add(attack("POST /external-task/fetchAndLock", (h, u) -> h.post(u, rest + "/external-task/fetchAndLock",
        Map.of("workerId", "w", "maxTasks", 5, "topics", List.of(Map.of("topicName", "x", "lockDuration", 1000))))));
    a.add(attack("POST /execution/{jal}/create-incident", (h, u) -> h.post(u,
        rest + "/execution/" + f.jalReportExecution() + "/create-incident", Map.of("incidentType", "x"))));
    a.add(attack("DELETE /history/process-instance/{oax}", (h, u) -> h.delete(u,
        rest + "/history/process-instance/" + oaxId)));

    // 8. Expressions in queries (evaluated inside the engine command), a start whose entidad is not exact,
    // attachments through the other REST root and with a second content part, one's own e-mail.
    String provision = "${accountProvisioning.provision('Intrusa','intrusa@example.com','camunda-admin','jal')}";
    a.add(attack("POST /task/count con una expresión en orQueries", (h, u) -> h.post(u, rest + "/task/count",
        Map.of("orQueries", List.of(Map.of("candidateGroupExpression", provision))))));
    a.add(attack("POST /task con una expresión", (h, u) -> h.post(u, rest + "/task",
        Map.of("candidateGroupExpression", "${jdbcTemplate.update('delete from cc_record')}"))));
    a.add(attack("POST /filter/{id}/count con una expresión en la extensión", (h, u) -> h.post(u,
        rest + "/filter/" + f.groupFilter() + "/count", Map.of("orQueries",
            List.of(Map.of("candidateGroupExpression", provision))))));
    a.add(attack("POST " + start + " con entity «jal » (sin entidad en el motor)", (h, u) -> h.post(u, rest + start,
        Map.of("variables", Map.of("entity", var("String", "jal "), "exerciseName", var("String", "X"),
            "guarantorBody", var("String", "Y"))))));
    a.add(attack("POST /engine-rest/engine/default/task/{jal}/attachment/create con un HTML", (h, u) -> h.attach(u,
        rest + "/engine/default/task/" + f.jalReport() + "/attachment/create", "pagina.pdf",
        "<html><script>alert(1)</script></html>".getBytes())));
    a.add(attack("POST /task/{jal}/attachment/create con un PDF y luego un HTML", (h, u) -> {
      String boundary = "----doble" + System.nanoTime();
      var body = new java.io.ByteArrayOutputStream();
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nb.pdf\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n").getBytes());
      body.writeBytes(Http.pdf(512));
      body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"b.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n<html>no soy un pdf</html>\r\n--" + boundary + "--\r\n").getBytes());
      return h.postBytes(u, jalTask + "/attachment/create", "multipart/form-data; boundary=" + boundary,
          body.toByteArray());
    }));
    a.add(attack("PUT /user/{uno mismo}/profile con otro correo", (h, u) -> h.put(u,
        rest + "/user/" + (u == null ? "nadie" : Http.q(u)) + "/profile",
        Map.of("id", u == null ? "nadie" : u, "firstName", "Nombre", "lastName", "Apellido",
            "email", "oax-guarantor@demo.cocreacion.mx"))));

    // 9. The project's CSV import into a task that is not the person's.
    a.add(attack("POST /api/tasks/{consolidar de oax}/commitments.csv", (h, u) -> h.postBytes(u,
        "/api/tasks/" + f.oaxConsolidate() + "/commitments.csv", "text/csv",
        "title,product,indicator,target,dueDate\nT,P,I,1,2032-01-01\n".getBytes())));
    return a;
  }

  private static Attack attack(String name, BiFunction<Http, String, Answer> call) {
    return new Attack(name, call);
  }

  /** A request under a REST root: engine REST with Basic auth, or the webapps' API in a session. */
  private static Answer send(Http http, String user, String root, String method, String path, Object body) {
    if (root.startsWith("/camunda")) {
      return http.webapp(user, method, root + path, body);
    }
    return switch (method) {
      case "PUT" -> http.put(user, root + path, body);
      case "DELETE" -> http.delete(user, root + path);
      default -> http.post(user, root + path, body);
    };
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> all = new LinkedHashMap<>(variables);
    all.put(name, value);
    return all;
  }

  // --- controls: the legitimate actions still work ------------------------------------------

  private List<DynamicTest> controls(Http http, Fixture f) {
    String jalTask = "/engine-rest/task/" + f.jalReport();
    List<DynamicTest> rows = new ArrayList<>();
    rows.add(DynamicTest.dynamicTest("control: el STL de jal toma su tarea, la devuelve, anexa y retira un PDF, "
        + "la comenta y la completa en Tasklist", () -> {
          assertThat(http.post(f.jalStl(), jalTask + "/claim", Map.of("userId", f.jalStl())).status()).isEqualTo(204);
          assertThat(http.post(f.jalStl(), jalTask + "/unclaim", "").status()).isEqualTo(204);
          Answer attached = http.attach(f.jalStl(), jalTask + "/attachment/create", "minuta.pdf", Http.pdf(2048));
          assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
          String id = attached.json().get("id").asText();
          assertThat(http.get(f.jalStl(), jalTask + "/attachment/" + id + "/data").status()).isEqualTo(200);
          assertThat(http.delete(f.jalStl(), jalTask + "/attachment/" + id).status()).isEqualTo(204);
          assertThat(http.post(f.jalStl(), jalTask + "/comment/create", Map.of("message", "Avance revisado"))
              .status()).isEqualTo(200);
          Answer done = http.webapp(f.jalStl(), "POST", Http.WEBAPP_ENGINE + "/task/" + f.jalReport() + "/submit-form",
              Map.of("variables", Map.of("activityProgress", var("Json", "[{\"activity\":1,\"status\":\"done\"}]"),
                  "evidenceUrl", var("String", "https://transparencia.jalisco.gob.mx/avance"))));
          assertThat(done.status()).as(done.toString()).isEqualTo(204);
        }));
    rows.add(DynamicTest.dynamicTest("control: el INAI lee los anexos de cualquier tarea (supervisión nacional)", () -> {
      String at = "/engine-rest/task/" + f.oaxReport() + "/attachment/" + f.oaxAttachment();
      assertThat(http.get(DemoUsers.INAI_MONITOR, at).status()).isEqualTo(200);
      assertThat(http.get(DemoUsers.INAI_MONITOR, at + "/data").status()).isEqualTo(200);
    }));
    rows.add(DynamicTest.dynamicTest("control: la persona facilitadora de oax importa su CSV", () -> {
      Answer imported = http.postBytes(f.oaxFacilitator(), "/api/tasks/" + f.oaxConsolidate() + "/commitments.csv",
          "text/csv", ("title,product,indicator,target,dueDate,progress,tenant\n"
              + "Datos abiertos,Portal,Conjuntos publicados,10,2032-01-01,0.5,oax\n").getBytes());
      assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    }));
    rows.add(DynamicTest.dynamicTest("control: la administración abre la renovación del STL de jal", () -> {
      Answer opened = http.post("admin", "/engine-rest/message", Map.of("messageName", "stl-reelection",
          "businessKey", f.jal().getBusinessKey(), "tenantId", "jal"));
      assertThat(opened.status()).as(opened.toString()).isIn(200, 204);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(f.jal().getId())
          .taskDefinitionKey("elect-stl").count()).isOne();
    }));
    rows.add(DynamicTest.dynamicTest("control: el garante de jal inicia un ejercicio como dice el contrato", () -> {
      Answer started = http.post("jal-guarantor", "/engine-rest/process-definition/key/local-exercise/start",
          Map.of("businessKey", ExerciseDriver.newBusinessKey("jal"), "variables", Map.of(
              "entity", var("String", "jal"), "exerciseName", var("String", "Ejercicio de control"),
              "guarantorBody", var("String", "ITEI"))));
      assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }));
    rows.add(DynamicTest.dynamicTest("control: la sociedad firma su declaración y el garante lanza el PAL", () -> {
      Answer signed = http.post("jal-society", "/engine-rest/task/" + f.jalSignSociety() + "/complete",
          Map.of("variables", Map.of("signatoryName", var("String", "Colectivo"), "signed", var("Boolean", true))));
      assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
      Answer launched = http.post("jal-guarantor", "/engine-rest/task/" + f.jalLaunch() + "/complete",
          Map.of("variables", Map.of("launchDate", var("Date", "2032-02-01T10:00:00.000+0000"),
              "launchPlace", var("String", "Plaza de Armas"),
              "launchEvidenceUrl", var("String", "https://www.youtube.com/watch?v=lanzamiento"))));
      assertThat(launched.status()).as(launched.toString()).isEqualTo(204);
    }));
    return rows;
  }

  // --- the fixture --------------------------------------------------------------------------

  private Fixture fixture() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    ProcessInstance oax = driver.startAtStep("oax", 6);
    Task oaxReport = driver.tasks(oax, "report-progress").get(0);
    String oaxStl = "titular.guarantor." + driver.tag(oax) + "@stl.mx";
    engine.getIdentityService().setAuthentication(oaxStl, List.of("stl"), List.of("oax"));
    String attachment;
    try {
      attachment = engine.getTaskService().createAttachment("application/pdf", oaxReport.getId(), null,
          "minuta-oax.pdf", "Minuta", new java.io.ByteArrayInputStream(Http.pdf(1024))).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ProcessInstance oaxTables = driver.startAtStep("oax", 4);
    driver.complete(oaxTables, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(oaxTables, "hold-working-table", TestVariables.holdWorkingTable());

    ProcessInstance jal = driver.startAtStep("jal", 6);
    Task jalReport = driver.tasks(jal, "report-progress").get(0);
    ProcessInstance jalDeclaration = driver.start("jal");
    Task signSociety = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(
        jalDeclaration.getBusinessKey()).taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    ProcessInstance jalLaunch = driver.startAtStep("jal", 5);
    driver.complete(jalLaunch, "schedule-pal", TestVariables.schedulePal());

    Job oaxTimer = timer(driver, oax);
    Job jalTimer = timer(driver, jal);
    engine.getHistoryService().cleanUpHistoryAsync(false);
    String cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0).getId();
    return new Fixture(oax, oaxReport.getId(), oaxReport.getExecutionId(), oaxTimer.getId(), attachment,
        driver.task(oaxTables, "consolidate-commitments").getId(), "facilitadora." + driver.tag(oaxTables) + "@mesas.mx",
        jal, jalReport.getId(), jalReport.getExecutionId(), jalTimer.getId(), jalTimer.getJobDefinitionId(),
        "titular.society." + driver.tag(jal) + "@stl.mx", "facilitadora." + driver.tag(jal) + "@mesas.mx",
        signSociety.getId(), driver.task(jalLaunch, "hold-public-launch").getId(), jalLaunch,
        cleanup, oax.getProcessDefinitionId(), engine.getFilterService().createFilterQuery()
            .filterName(PlatformSetup.FILTER_GROUP_TASKS).singleResult().getId());
  }

  /** The follow-up's monitoring timer of the exercise (six months after the launch). */
  private Job timer(ExerciseDriver driver, ProcessInstance exercise) {
    return engine.getManagementService().createJobQuery().processInstanceId(driver.step(exercise, "follow-up").getId())
        .timers().list().get(0);
  }
}
