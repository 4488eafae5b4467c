package mx.cocreacion.security;

import static mx.cocreacion.support.Http.pdf;
import static mx.cocreacion.support.Http.q;
import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
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
 * Tenant isolation (issue 5): every person of {@code jal} (guarantor, society, government, an STL member,
 * the facilitator) and an anonymous client try every read and write path of an {@code oax} exercise —
 * engine REST (tasks, process instances, history, jobs), Tasklist's, Cockpit's and Admin's APIs, the
 * evidence download and the project's CSV import — and are refused with no {@code oax} data in the answer: lists come back empty, access by id
 * is 401/403/404, never 500. The people of {@code oax} (or INAI, member of every tenant) get through on
 * the same paths, so the matrix can fail. Each (actor, path) pair is one row of the report.
 */
@CocreacionTest
class TenantIsolationMatrixTest {

  static final Set<Integer> NOT_FOUND_OR_FORBIDDEN = Set.of(403, 404);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired EvidenceCatalogue catalogue;
  /** Engine REST with HTTP Basic, and the webapps' APIs in each person's session (kept for the whole matrix). */
  private Http http;

  /** What oax has, and what must never show up in an answer to somebody else. */
  record Oax(String businessKey, String exerciseName, String guarantorBody, String exerciseId, String taskId,
      String jobId, String evidenceId, String consolidateTaskId, String consolidateBusinessKey,
      String stlMember, String facilitator, String completedTaskId) {
    List<String> secrets() {
      return List.of(businessKey, exerciseName, guarantorBody, consolidateBusinessKey, "\"tenantId\":\"oax\"",
          "Oaxaca", "Informar avance");
    }
  }

  /** One path tried as one person: who (null = anonymous) and how. */
  interface Probe {
    Answer call(String user) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> aPersonOfJalOrAnonymousGetsNothingOfOax() {
    http = new Http(port);
    ExerciseDriver driver = new ExerciseDriver(engine);
    Oax oax = oaxFixture(driver);
    ProcessInstance jal = driver.startAtStep("jal", 4);
    String jalTag = driver.tag(jal);

    List<String> jalActors = new ArrayList<>(List.of("jal-guarantor", "jal-society", "jal-government",
        "titular.society." + jalTag + "@stl.mx", "facilitadora." + jalTag + "@mesas.mx"));
    jalActors.add(null);

    String key = q(oax.businessKey());
    String task = "/engine-rest/task/" + oax.taskId();
    String instance = "/engine-rest/process-instance/" + oax.exerciseId();
    List<Object[]> paths = List.of(
        list("GET /task?processInstanceBusinessKey", u -> http.get(u, "/engine-rest/task?processInstanceBusinessKey=" + key)),
        list("GET /task?tenantIdIn=oax", u -> http.get(u, "/engine-rest/task?tenantIdIn=oax")),
        byId("GET /task/{id}", u -> http.get(u, task)),
        byId("POST /task/{id}/complete", u -> http.post(u, task + "/complete", "{\"variables\":{}}")),
        byId("POST /task/{id}/claim", u -> http.post(u, task + "/claim", "{\"userId\":\"" + (u == null ? "x" : u) + "\"}")),
        byId("POST /task/{id}/assignee", u -> http.post(u, task + "/assignee", "{\"userId\":\"" + (u == null ? "x" : u) + "\"}")),
        byId("GET /task/{id}/variables", u -> http.get(u, task + "/variables")),
        byId("GET /task/{id}/form-variables", u -> http.get(u, task + "/form-variables")),
        byId("POST /task/{id}/variables (modificar)", u -> http.post(u, task + "/variables",
            "{\"modifications\":{\"x\":{\"value\":\"y\",\"type\":\"String\"}}}")),
        list("GET /process-instance?businessKey", u -> http.get(u, "/engine-rest/process-instance?businessKey=" + key)),
        byId("GET /process-instance/{id}", u -> http.get(u, instance)),
        byId("GET /process-instance/{id}/variables", u -> http.get(u, instance + "/variables")),
        list("GET /history/process-instance?processInstanceBusinessKey",
            u -> http.get(u, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)),
        byId("GET /history/process-instance/{id}", u -> http.get(u, "/engine-rest/history/process-instance/" + oax.exerciseId())),
        list("GET /history/task?processInstanceBusinessKey",
            u -> http.get(u, "/engine-rest/history/task?processInstanceBusinessKey=" + key)),
        list("GET /history/variable-instance?processInstanceId",
            u -> http.get(u, "/engine-rest/history/variable-instance?processInstanceId=" + oax.exerciseId())),
        list("GET /job?jobIds", u -> http.get(u, "/engine-rest/job?jobIds=" + oax.jobId())),
        byId("GET /job/{id}", u -> http.get(u, "/engine-rest/job/" + oax.jobId())),
        byId("POST /job/{id}/execute", u -> http.post(u, "/engine-rest/job/" + oax.jobId() + "/execute", "")),
        byId("GET /micrositio/jal/evidencia/{id de oax}",
            u -> http.get(u, "/micrositio/jal/evidencia/" + oax.evidenceId())),
        byId("POST /api/tasks/{consolidar de oax}/commitments.csv",
            u -> postCsv(u, "/api/tasks/" + oax.consolidateTaskId() + "/commitments.csv")),
        byId("POST /api/tasks/{otra tarea de oax}/commitments.csv",
            u -> postCsv(u, "/api/tasks/" + oax.taskId() + "/commitments.csv")),
        // The same task paths through the webapps' engine API that Tasklist uses (session login).
        list("Tasklist GET /task?processInstanceBusinessKey",
            u -> tasklist(u, "/task?processInstanceBusinessKey=" + key, null)),
        byId("Tasklist GET /task/{id}", u -> tasklist(u, "/task/" + oax.taskId(), null)),
        byId("Tasklist POST /task/{id}/complete", u -> tasklist(u, "/task/" + oax.taskId() + "/complete",
            "{\"variables\":{}}")),
        byId("Tasklist POST /task/{id}/claim", u -> tasklist(u, "/task/" + oax.taskId() + "/claim",
            "{\"userId\":\"" + (u == null ? "x" : u) + "\"}")),
        byId("Tasklist GET /task/{id}/form-variables", u -> tasklist(u, "/task/" + oax.taskId() + "/form-variables",
            null)),
        // Cockpit and Admin: the same session against their APIs.
        list("Cockpit GET /process-instance?businessKey", u -> tasklist(u, "/process-instance?businessKey=" + key, null)),
        byId("Cockpit GET /history/process-instance/{id}",
            u -> tasklist(u, "/history/process-instance/" + oax.exerciseId(), null)),
        list("Cockpit GET /history/user-operation?taskId (registro de auditoría)",
            u -> tasklist(u, "/history/user-operation?taskId=" + oax.completedTaskId(), null)),
        list("Cockpit plugin GET /process-instance?processDefinitionId&businessKey",
            u -> webapp(u, cockpitInstances(oax), null)),
        list("Admin GET /user?memberOfTenant=oax", u -> tasklist(u, "/user?memberOfTenant=oax", null)));

    List<DynamicTest> rows = new ArrayList<>();
    for (Object[] path : paths) {
      String name = (String) path[0];
      boolean isList = (Boolean) path[1];
      Probe probe = (Probe) path[2];
      for (String actor : jalActors) {
        rows.add(DynamicTest.dynamicTest((actor == null ? "anónimo" : actor) + " → " + name,
            () -> assertRefused(oax, name, actor, isList, probe.call(actor))));
      }
    }

    // Sanity: the same paths work for the people of oax (or INAI, member of every tenant).
    String inai = DemoUsers.INAI_MONITOR;
    rows.add(allowed(oax.stlMember(), "GET /task?processInstanceBusinessKey", () -> {
      Answer a = http.get(oax.stlMember(), "/engine-rest/task?processInstanceBusinessKey=" + key);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.json()).isNotEmpty();
    }));
    rows.add(allowed(oax.stlMember(), "GET /task/{id}", () ->
        assertThat(http.get(oax.stlMember(), task).status()).isEqualTo(200)));
    rows.add(allowed(oax.stlMember(), "POST /task/{id}/complete (enlace inválido: llega a la validación)", () -> {
      Answer a = http.post(oax.stlMember(), task + "/complete",
          "{\"variables\":{\"evidenceUrl\":{\"type\":\"String\",\"value\":\"javascript:alert(1)\"}}}");
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.json().path("type").asText()).isEqualTo("ValidationException");
    }));
    rows.add(allowed(oax.stlMember(), "GET /task/{id}/variables", () ->
        assertThat(http.get(oax.stlMember(), task + "/variables").status()).isEqualTo(200)));
    rows.add(allowed(oax.stlMember(), "GET /task/{id}/form-variables", () ->
        assertThat(http.get(oax.stlMember(), task + "/form-variables").status()).isEqualTo(200)));
    rows.add(allowed(inai, "GET /process-instance?businessKey", () ->
        assertThat(http.get(inai, "/engine-rest/process-instance?businessKey=" + key).json()).isNotEmpty()));
    rows.add(allowed(inai, "GET /process-instance/{id}", () -> {
      Answer a = http.get(inai, instance);
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.body()).contains(oax.businessKey());
    }));
    rows.add(allowed(inai, "GET /process-instance/{id}/variables", () ->
        assertThat(http.get(inai, instance + "/variables").body()).contains(oax.exerciseName())));
    rows.add(allowed(inai, "GET /history/process-instance?processInstanceBusinessKey", () -> assertThat(
        http.get(inai, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key).json()).isNotEmpty()));
    rows.add(allowed(inai, "GET /history/task?processInstanceBusinessKey", () -> assertThat(
        http.get(inai, "/engine-rest/history/task?processInstanceBusinessKey=" + key).json()).isNotEmpty()));
    rows.add(allowed(inai, "GET /history/variable-instance?processInstanceId", () -> assertThat(
        http.get(inai, "/engine-rest/history/variable-instance?processInstanceId=" + oax.exerciseId()).json()).isNotEmpty()));
    rows.add(allowed("admin", "GET /job/{id}", () ->
        assertThat(http.get("admin", "/engine-rest/job/" + oax.jobId()).status()).isEqualTo(200)));
    rows.add(allowed(null, "GET /micrositio/oax/evidencia/{id} (evidencia pública)", () ->
        assertThat(http.get(null, "/micrositio/oax/evidencia/" + oax.evidenceId()).status()).isEqualTo(200)));
    rows.add(allowed(oax.facilitator(), "POST /api/tasks/{consolidar}/commitments.csv (CSV inválido: llega a la validación)",
        () -> {
          Answer a = postCsv(oax.facilitator(), "/api/tasks/" + oax.consolidateTaskId() + "/commitments.csv");
          assertThat(a.status()).as(a.body()).isEqualTo(400);
          assertThat(a.json().path("type").asText()).isEqualTo("ValidationException");
        }));
    rows.add(allowed(oax.stlMember(), "Tasklist GET /task/{id}", () ->
        assertThat(tasklist(oax.stlMember(), "/task/" + oax.taskId(), null).status()).isEqualTo(200)));
    rows.add(allowed(oax.stlMember(), "Tasklist POST /task/{id}/complete (enlace inválido: llega a la validación)",
        () -> assertThat(tasklist(oax.stlMember(), "/task/" + oax.taskId() + "/complete",
            "{\"variables\":{\"evidenceUrl\":{\"type\":\"String\",\"value\":\"javascript:alert(1)\"}}}")
            .status()).isEqualTo(400)));
    rows.add(allowed("inai-monitor", "Cockpit GET /process-instance?businessKey", () ->
        assertThat(tasklist("inai-monitor", "/process-instance?businessKey=" + key, null).json()).isNotEmpty()));
    rows.add(allowed("inai-monitor", "Cockpit plugin GET /process-instance", () ->
        assertThat(webapp("inai-monitor", cockpitInstances(oax), null).json()).isNotEmpty()));
    rows.add(allowed("inai-monitor", "Cockpit GET /history/user-operation?taskId", () ->
        assertThat(tasklist("inai-monitor", "/history/user-operation?taskId=" + oax.completedTaskId(), null)
            .json()).isNotEmpty()));
    rows.add(allowed("admin", "Admin GET /user?memberOfTenant=oax", () ->
        assertThat(tasklist("admin", "/user?memberOfTenant=oax", null).json()).isNotEmpty()));
    // State-changing sanity checks last.
    rows.add(allowed(oax.stlMember(), "POST /task/{id}/claim", () ->
        assertThat(http.post(oax.stlMember(), task + "/claim", "{\"userId\":\"" + oax.stlMember() + "\"}").status())
            .isEqualTo(204)));
    rows.add(allowed("admin", "POST /job/{id}/execute", () ->
        assertThat(http.post("admin", "/engine-rest/job/" + oax.jobId() + "/execute", "").status()).isEqualTo(204)));
    return rows.stream();
  }

  // --- the fixture ------------------------------------------------------------------------------

  /** An oax exercise in step 6 with a progress report carrying a file, and one with consolidate-commitments open. */
  private Oax oaxFixture(ExerciseDriver driver) {
    String businessKey = ExerciseDriver.newBusinessKey("oax");
    String exerciseName = "Ejercicio matriz " + businessKey;
    String guarantorBody = "Garante matriz " + businessKey;
    ProcessInstance exercise = engine.getRuntimeService().startProcessInstanceByKey("local-exercise", businessKey,
        Variables.createVariables().putValue("entity", "oax").putValue("exerciseName", exerciseName)
            .putValue("guarantorBody", guarantorBody));
    driver.signDeclaration(exercise);
    driver.outreach(exercise);
    driver.integrateStl(exercise, "consensus");
    driver.holdWorkingTables(exercise);
    driver.launchPal(exercise);

    List<Task> reports = driver.tasks(exercise, "report-progress");
    assertThat(reports).hasSize(2);
    String tag = driver.tag(exercise);
    String stlMember = "titular.guarantor." + tag + "@stl.mx";
    // Completed by a logged-in STL member, so the operation log (Cockpit's audit log) has an entry.
    engine.getIdentityService().setAuthentication(stlMember, List.of("stl"), List.of("oax"));
    try {
      engine.getTaskService().complete(reports.get(0).getId(), Variables.createVariables()
          .putValueTyped("activityProgress", json("[{\"activity\":1,\"status\":\"done\"}]"))
          .putValueTyped("evidence", Variables.fileValue("minuta-matriz.pdf").file(pdf(2048)).create()));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    EvidenceItem evidence = catalogue.list("oax", exercise.getId()).stream()
        .filter(i -> "minuta-matriz.pdf".equals(i.name())).findFirst().orElseThrow();

    // The follow-up's timer (monitoring six months after the launch): stays until it is executed.
    Job job = engine.getManagementService().createJobQuery()
        .processInstanceId(driver.step(exercise, FollowUpProcess.KEY).getId()).timers().list().get(0);

    ProcessInstance second = driver.startAtStep("oax", 4);
    driver.complete(second, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(second, "hold-working-table", TestVariables.holdWorkingTable());
    Task consolidate = driver.task(second, "consolidate-commitments");

    return new Oax(businessKey, exerciseName, guarantorBody, exercise.getId(), reports.get(1).getId(), job.getId(),
        evidence.id(), consolidate.getId(), second.getBusinessKey(), stlMember,
        "facilitadora." + driver.tag(second) + "@mesas.mx", reports.get(0).getId());
  }

  // --- expectations -----------------------------------------------------------------------------

  private static Object[] list(String name, Probe probe) {
    return new Object[] {name, true, probe};
  }

  private static Object[] byId(String name, Probe probe) {
    return new Object[] {name, false, probe};
  }

  private static DynamicTest allowed(String actor, String name, org.junit.jupiter.api.function.Executable check) {
    return DynamicTest.dynamicTest("control: " + (actor == null ? "anónimo" : actor) + " → " + name, check);
  }

  private static void assertRefused(Oax oax, String path, String actor, boolean isList, Answer answer) {
    String what = (actor == null ? "anónimo" : actor) + " " + path + " → " + answer.status() + " " + answer.body();
    assertThat(answer.status()).as(what).isNotEqualTo(500);
    if (actor == null && (path.startsWith("Tasklist") || path.startsWith("Cockpit") || path.startsWith("Admin"))) {
      assertThat(answer.status()).as(what).isIn(401, 403);
    } else if (actor == null && !path.contains("/micrositio/")) {
      assertThat(answer.status()).as(what).isEqualTo(401);
    } else if (isList) {
      assertThat(answer.status()).as(what).isIn(200, 403);
      if (answer.status() == 200) {
        assertThat(answer.json()).as(what).isEmpty();
      }
    } else {
      assertThat(answer.status()).as(what).isIn(NOT_FOUND_OR_FORBIDDEN);
    }
    if (answer.body() != null) {
      for (String secret : oax.secrets()) {
        assertThat(answer.body()).as(what).doesNotContain(secret);
      }
    }
  }

  // --- HTTP -------------------------------------------------------------------------------------

  private Answer postCsv(String user, String path) {
    return http.postBytes(user, path, "text/csv", "no,es,un,csv,de,compromisos\n".getBytes(StandardCharsets.UTF_8));
  }

  /** A call to the webapps' engine API as a person logged in to Tasklist (anonymous: no session). */
  private Answer tasklist(String user, String path, String json) {
    return webapp(user, Http.WEBAPP_ENGINE + path, json);
  }

  /** Cockpit's own query of process instances (its plugin API), for the oax exercise. */
  private String cockpitInstances(Oax oax) {
    String definitionId = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(oax.exerciseId()).singleResult().getProcessDefinitionId();
    return "/camunda/api/cockpit/plugin/base/default/process-instance?processDefinitionId=" + q(definitionId)
        + "&businessKey=" + q(oax.businessKey());
  }

  /** A call to a webapp API (Tasklist, Cockpit, Admin) in the person's session: a GET, or a POST of the JSON. */
  private Answer webapp(String user, String path, String json) {
    return http.webapp(user, json == null ? "GET" : "POST", path, json);
  }
}
