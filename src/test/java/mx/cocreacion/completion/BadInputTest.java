package mx.cocreacion.completion;

import static mx.cocreacion.support.Http.var;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.StateSnapshot;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input, field by field (issue 14): for every task of the contract and the start of an exercise,
 * each field is sent with a wrong type, empty, at its limit and one character over it, with a control
 * character, a NUL, half a character and malformed Json. The answer is a 400 whose violations name the
 * field (its 1-based path inside Json lists) and whose message is Spanish, and nothing is stored (the plan
 * of record and the engine's variables are as before, the task still open); or the value is accepted and
 * stored intact (the value at the limit, in accents, ñ, CJK and an emoji). Never a 5xx. Completed over
 * engine REST as the administration, which passes the guard but not the task's rules.
 */
@CocreacionTest
class BadInputTest {

  /** A text at its limit: accents, ñ, ¿¡, CJK and an emoji (two UTF-16 units), no blank at its ends. */
  static final String SAMPLE = "🇲🇽 Año señal ¿qué? ¡Sí! Ünïcödé 漢字 ";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  private ExerciseDriver driver;
  private Http http;

  enum Kind { TEXT, OPTIONAL_TEXT, DATE, BOOLEAN, EMAIL, CHOICE, URL }

  /** A field of a task: its path in the submission ({@code actors[1].name}), kind and maximum length. */
  record Field(String path, Kind kind, int max) {}

  /** A task: how to open a fresh one, the valid submission, and its fields. */
  record TaskCase(String key, Supplier<String> open, Supplier<Map<String, Object>> valid, List<Field> fields) {}

  @TestFactory
  Stream<DynamicTest> everyFieldRefusesBadInputByNameAndKeepsGoodInputIntact() {
    driver = new ExerciseDriver(engine);
    http = new Http(port);
    List<DynamicTest> rows = new ArrayList<>();
    for (TaskCase task : tasks()) {
      String[] open = {null};
      for (Field field : task.fields()) {
        for (Mutation mutation : mutations(field)) {
          rows.add(DynamicTest.dynamicTest(task.key() + " · " + field.path() + " · " + mutation.name(), () -> {
            if (open[0] == null) {
              open[0] = task.open().get();
            }
            Map<String, Object> variables = mutate(task.valid().get(), field.path(), mutation.value());
            if (mutation.accepted()) {
              String taskId = open[0];
              open[0] = null; // completed: the next case opens a fresh one
              Answer answer = complete(taskId, variables);
              assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
              if (mutation.value() instanceof String text && !text.isBlank()) {
                assertStoredIntact(taskId, field.path(), text.trim());
              }
            } else {
              StateSnapshot before = StateSnapshot.take(dataSource, StateSnapshot.PLAN_AND_VARIABLES);
              Answer answer = complete(open[0], variables);
              assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
              assertThat(answer.json().path("violations")).as(answer.toString())
                  .anySatisfy(v -> assertThat(v.path("field").asText()).isEqualTo(field.path()));
              assertThat(answer.message()).startsWith("No se pudo");
              assertThat(before.differences(StateSnapshot.take(dataSource, StateSnapshot.PLAN_AND_VARIABLES)))
                  .as("nothing stored").isEmpty();
              assertThat(engine.getTaskService().createTaskQuery().taskId(open[0]).count()).isOne();
            }
          }));
        }
      }
      rows.add(DynamicTest.dynamicTest(task.key() + " · Json que no es JSON", () -> {
        String taskId = open[0] != null ? open[0] : task.open().get();
        open[0] = taskId;
        Map<String, Object> variables = new LinkedHashMap<>(task.valid().get());
        variables.entrySet().stream().filter(e -> "Json".equals(((Map<?, ?>) e.getValue()).get("type"))).findFirst()
            .ifPresent(e -> {
              variables.put(e.getKey(), Map.of("type", "Json", "value", "[{\"sin cerrar\": "));
              Answer answer = complete(taskId, variables);
              assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
              assertThat(answer.message()).contains("no es JSON válido");
              assertThat(answer.json().path("violations")).anySatisfy(v ->
                  assertThat(v.path("field").asText()).isEqualTo(e.getKey()));
            });
      }));
    }
    rows.addAll(startRows());
    rows.addAll(foreignTypes());
    return rows.stream();
  }

  // --- mutations ----------------------------------------------------------------------------

  record Mutation(String name, Object value, boolean accepted) {}

  private static List<Mutation> mutations(Field field) {
    List<Mutation> m = new ArrayList<>();
    switch (field.kind()) {
      case TEXT, OPTIONAL_TEXT -> {
        m.add(new Mutation("de otro tipo", Map.of("no", "es texto"), false));
        if (field.kind() == Kind.TEXT) {
          m.add(new Mutation("vacío", "  ", false));
        }
        m.add(new Mutation("en su límite, con acentos, ñ, CJK y emoji", atLimit(field.max()), true));
        m.add(new Mutation("un carácter sobre su límite", atLimit(field.max()) + "x", false));
        m.add(new Mutation("con un carácter de control", "Texto\u0007con campana", false));
        m.add(new Mutation("con NUL", "Texto\u0000nulo", false));
        m.add(new Mutation("con medio carácter", "Texto\uD83Dmedio", false));
      }
      case DATE -> {
        m.add(new Mutation("de otro tipo", true, false));
        m.add(new Mutation("vacía", "", false));
        m.add(new Mutation("que no existe", "2031-02-30", false));
        m.add(new Mutation("con NUL", "2031-02-01\u0000", false));
      }
      case BOOLEAN -> {
        m.add(new Mutation("de otro tipo", "quizá", false));
        m.add(new Mutation("vacío", null, false));
      }
      case EMAIL -> {
        m.add(new Mutation("de otro tipo", 42, false));
        m.add(new Mutation("sin arroba", "persona.mx", false));
        m.add(new Mutation("de más de 64 caracteres", "a".repeat(60) + "@correo.mx", false));
        m.add(new Mutation("con un carácter de control", "per\u0007sona@correo.mx", false));
      }
      case URL -> {
        m.add(new Mutation("de otro tipo", 42, false));
        m.add(new Mutation("que no es web", "javascript:alert(1)", false));
        String base = "https://transparencia.gob.mx/";
        m.add(new Mutation("en su límite", base + "a".repeat(field.max() - base.length()), true));
        m.add(new Mutation("un carácter sobre su límite", base + "a".repeat(field.max() - base.length() + 1), false));
        m.add(new Mutation("con un carácter de control", base + "a\u0007b", false));
      }
      case CHOICE -> {
        m.add(new Mutation("de otro tipo", 7, false));
        m.add(new Mutation("fuera de sus valores", "cualquiera", false));
        m.add(new Mutation("con NUL", "\u0000", false));
      }
      default -> throw new IllegalArgumentException(field.kind().name());
    }
    return m;
  }

  static String atLimit(int max) {
    StringBuilder text = new StringBuilder();
    while (text.length() < max) {
      text.append(SAMPLE);
    }
    String cut = text.substring(0, max);
    if (Character.isHighSurrogate(cut.charAt(max - 1)) || cut.charAt(max - 1) == ' ') {
      cut = cut.substring(0, max - 1) + "a";
    }
    return cut;
  }

  /** The valid submission with the value at {@code path} replaced (Json paths are 1-based, as in the contract). */
  private static Map<String, Object> mutate(Map<String, Object> valid, String path, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(valid);
    String top = path.replaceAll("[\\[.].*", "");
    if (top.equals(path)) {
      variables.put(top, restValue(value));
      return variables;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> current = (Map<String, Object>) variables.get(top);
    JsonNode root;
    try {
      root = Http.JSON.readTree((String) current.get("value"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    JsonNode parent = root;
    Matcher step = Pattern.compile("\\[(\\d+)\\]|\\.([A-Za-z]+)").matcher(path.substring(top.length()));
    List<String> steps = new ArrayList<>();
    while (step.find()) {
      steps.add(step.group(1) != null ? "#" + step.group(1) : step.group(2));
    }
    for (int i = 0; i < steps.size() - 1; i++) {
      String s = steps.get(i);
      parent = s.startsWith("#") ? parent.get(Integer.parseInt(s.substring(1)) - 1) : parent.get(s);
    }
    String last = steps.get(steps.size() - 1);
    JsonNode node = Http.JSON.valueToTree(value);
    if (last.startsWith("#")) {
      ((ArrayNode) parent).set(Integer.parseInt(last.substring(1)) - 1, node == null ? JsonNodeFactory.instance.nullNode() : node);
    } else {
      ((ObjectNode) parent).set(last, node);
    }
    variables.put(top, Map.of("type", "Json", "value", root.toString()));
    return variables;
  }

  private static Object restValue(Object value) {
    if (value == null) {
      return Map.of("type", "Null");
    }
    if (value instanceof Boolean b) {
      return var("Boolean", b);
    }
    if (value instanceof Integer n) {
      return var("Integer", n);
    }
    if (value instanceof Map<?, ?> object) {
      return var("Json", object);
    }
    return var("String", value);
  }

  private void assertStoredIntact(String taskId, String path, String expected) {
    String processInstanceId = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult().getProcessInstanceId();
    String top = path.replaceAll("[\\[.].*", "");
    List<HistoricVariableInstance> values = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId, engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).singleResult().getRootProcessInstanceId())
        .variableName(top).list();
    assertThat(values).as("variable " + top).isNotEmpty();
    assertThat(values).as(path + " stored intact").anySatisfy(v -> {
      Object value = v.getValue();
      assertThat(value).as(v.getName() + " " + v.getTypeName() + " " + v.getState() + " " + v.getErrorMessage()).isNotNull();
      if (value instanceof String text) {
        assertThat(text.trim()).isEqualTo(expected);
      } else {
        assertThat(read(value.toString(), path.substring(top.length()))).isEqualTo(expected);
      }
    });
  }

  private static String read(String json, String path) {
    try {
      JsonNode node = Http.JSON.readTree(json);
      Matcher step = Pattern.compile("\\[(\\d+)\\]|\\.([A-Za-z]+)").matcher(path);
      while (step.find()) {
        node = step.group(1) != null ? node.get(Integer.parseInt(step.group(1)) - 1) : node.get(step.group(2));
      }
      return node == null ? null : node.asText().trim();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Completes over REST; non-ASCII is sent escaped, so half a character reaches the server as it is. */
  private Answer complete(String taskId, Map<String, Object> variables) {
    return http.post("admin", "/engine-rest/task/" + taskId + "/complete", escaped(Map.of("variables", variables)));
  }

  static String escaped(Object body) {
    try {
      return Http.JSON.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --- the tasks ----------------------------------------------------------------------------

  private List<TaskCase> tasks() {
    String tag = "bi" + System.nanoTime() % 100000;
    int[] n = {0};
    Supplier<String> unique = () -> tag + (n[0]++);
    List<TaskCase> t = new ArrayList<>();
    t.add(new TaskCase("sign-declaration", () -> sector(driver.start("zac"), "society"),
        () -> vars("signatoryName", var("String", "Ana Ruiz"), "signatoryPosition", var("String", "Coordinadora de la OSC"),
            "signed", var("Boolean", true)),
        List.of(new Field("signatoryName", Kind.TEXT, 500), new Field("signatoryPosition", Kind.OPTIONAL_TEXT, 500),
            new Field("signed", Kind.BOOLEAN, 0))));
    t.add(new TaskCase("conduct-outreach", () -> open(driver.startAtStep("zac", 2), "conduct-outreach"),
        () -> vars("outreachSessions", json("[{\"date\":\"2031-01-10\",\"place\":\"Sede\",\"attendees\":30}]"),
            "actors", json("""
                [{"name":"Ana","organization":"Garante","sector":"guarantor","email":"ana@garante.mx"},
                 {"name":"Colectivo","organization":"OSC","sector":"society","email":""},
                 {"name":"Finanzas","organization":"Gobierno","sector":"government"}]""")),
        List.of(new Field("outreachSessions[1].place", Kind.TEXT, 500),
            new Field("outreachSessions[1].date", Kind.DATE, 0), new Field("actors[1].name", Kind.TEXT, 500),
            new Field("actors[1].organization", Kind.OPTIONAL_TEXT, 500), new Field("actors[1].email", Kind.EMAIL, 0),
            new Field("actors[1].sector", Kind.CHOICE, 0))));
    t.add(new TaskCase("convene-stl-meeting", () -> open(driver.startAtStep("zac", 3), "convene-stl-meeting"),
        () -> vars("meetingDate", var("Date", "2031-02-01T10:00:00.000+0000"), "meetingPlace", var("String", "Sala"),
            "meetingInvitees", var("String", "Universidad estatal")),
        List.of(new Field("meetingDate", Kind.DATE, 0), new Field("meetingPlace", Kind.TEXT, 500),
            new Field("meetingInvitees", Kind.OPTIONAL_TEXT, 4000))));
    t.add(new TaskCase("elect-stl", () -> {
      ProcessInstance e = driver.startAtStep("zac", 3);
      driver.complete(e, "convene-stl-meeting", TestVariables.conveneStlMeeting());
      return driver.task(e, "elect-stl").getId();
    }, () -> vars("stlMembers", json(TestVariables.toJson(TestVariables.stlMembers(unique.get()))),
        "meetingMinutes", Http.pdfVar("acta.pdf")),
        List.of(new Field("stlMembers[1].name", Kind.TEXT, 500), new Field("stlMembers[1].email", Kind.EMAIL, 0),
            new Field("stlMembers[1].sector", Kind.CHOICE, 0), new Field("stlMembers[1].role", Kind.CHOICE, 0))));
    t.add(new TaskCase("define-stl-rules", () -> stl(driver, "define-stl-rules"),
        () -> vars("decisionRule", var("String", "consensus"), "rulesText", var("String", "Reglas del STL"),
            "rulesMinutes", Http.pdfVar("acta-reglas.pdf")),
        List.of(new Field("decisionRule", Kind.CHOICE, 0), new Field("rulesText", Kind.TEXT, 4000))));
    t.add(new TaskCase("select-facilitator", () -> stlWithRules(driver, "select-facilitator"),
        () -> vars("facilitatorName", var("String", "Laura"), "facilitatorEmail",
            var("String", "fac." + unique.get() + "@mesas.mx"), "facilitatorReason", var("String", "Experiencia")),
        List.of(new Field("facilitatorName", Kind.TEXT, 500), new Field("facilitatorEmail", Kind.EMAIL, 0),
            new Field("facilitatorReason", Kind.OPTIONAL_TEXT, 4000))));
    t.add(new TaskCase("vote-facilitator", () -> {
      ProcessInstance e = driver.startAtStep("zac", 3);
      driver.complete(e, "convene-stl-meeting", TestVariables.conveneStlMeeting());
      driver.complete(e, "elect-stl", TestVariables.electStl(driver.tag(e)));
      driver.complete(e, "define-stl-rules", TestVariables.defineStlRules("majority"));
      driver.complete(e, "select-facilitator", TestVariables.selectFacilitator(driver.tag(e)));
      return driver.tasks(e, "vote-facilitator").get(0).getId();
    }, () -> vars("facilitatorApproved", var("Boolean", true), "facilitatorComments", var("String", "De acuerdo")),
        List.of(new Field("facilitatorApproved", Kind.BOOLEAN, 0),
            new Field("facilitatorComments", Kind.OPTIONAL_TEXT, 4000))));
    t.add(new TaskCase("draft-annual-agenda", () -> stl(driver, "draft-annual-agenda"),
        () -> vars("agenda", json("[{\"date\":\"2031-03-01\",\"activity\":\"Mesas\"}]"),
            "agendaMinutes", Http.pdfVar("acta-agenda.pdf")),
        List.of(new Field("agenda[1].activity", Kind.TEXT, 1000), new Field("agenda[1].date", Kind.DATE, 0))));
    t.add(new TaskCase("record-stl-session", () -> installedStl(driver, "2026-02-01", "record-stl-session"),
        () -> vars("sessionDate", var("String", "2026-03-01"), "sessionKind", var("String", "ordinary"),
            "sessionPlace", var("String", "Sede del organismo garante"), "agreements", var("String", "Acuerdos"),
            "sessionMinutes", Http.pdfVar("acta-sesion.pdf")),
        List.of(new Field("sessionDate", Kind.DATE, 0), new Field("sessionKind", Kind.CHOICE, 0),
            new Field("sessionPlace", Kind.TEXT, 1000), new Field("agreements", Kind.TEXT, 4000))));
    t.add(new TaskCase("plan-working-tables", () -> open(driver.startAtStep("zac", 4), "plan-working-tables"),
        () -> vars("workingTables", json("[{\"topic\":\"Agua\",\"date\":\"2031-03-10\"}]")),
        List.of(new Field("workingTables[1].topic", Kind.TEXT, 500), new Field("workingTables[1].date", Kind.DATE, 0))));
    t.add(new TaskCase("hold-working-table", () -> {
      ProcessInstance e = driver.startAtStep("zac", 4);
      driver.complete(e, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
      return driver.task(e, "hold-working-table").getId();
    }, () -> vars("participants", json("[{\"name\":\"Pedro\",\"sector\":\"society\",\"organization\":\"OSC\"},{\"name\":\"Lucía\",\"sector\":\"government\",\"organization\":\"Secretaría de Finanzas\"}]"),
        "problems", json("[\"Opacidad en el gasto\"]")),
        List.of(new Field("participants[1].name", Kind.TEXT, 500),
            new Field("participants[1].organization", Kind.OPTIONAL_TEXT, 500), new Field("problems[1]", Kind.TEXT, 4000))));
    t.add(new TaskCase("consolidate-commitments", () -> tables(driver).getId(),
        () -> vars("commitments", json(TestVariables.COMMITMENTS)),
        List.of(new Field("commitments[1].title", Kind.TEXT, 1000),
            new Field("commitments[1].problem", Kind.OPTIONAL_TEXT, 4000),
            new Field("commitments[1].description", Kind.OPTIONAL_TEXT, 8000),
            new Field("commitments[1].responsible", Kind.OPTIONAL_TEXT, 1000),
            new Field("commitments[1].activities[1].product", Kind.TEXT, 1000),
            new Field("commitments[1].activities[1].target", Kind.TEXT, 1000),
            new Field("commitments[1].activities[1].dueDate", Kind.DATE, 0))));
    t.add(new TaskCase("approve-commitments", () -> {
      Task consolidate = tables(driver);
      engine.getTaskService().complete(consolidate.getId(), TestVariables.consolidateCommitments());
      return engine.getTaskService().createTaskQuery().processInstanceId(consolidate.getProcessInstanceId())
          .taskDefinitionKey("approve-commitments").list().get(0).getId();
    }, () -> vars("approved", var("Boolean", true), "comments", var("String", "De acuerdo")),
        List.of(new Field("approved", Kind.BOOLEAN, 0), new Field("comments", Kind.OPTIONAL_TEXT, 4000))));
    t.add(new TaskCase("schedule-pal", () -> open(driver.startAtStep("zac", 5), "schedule-pal"),
        () -> vars("palStart", var("Date", "2032-02-01T10:00:00.000+0000"),
            "palEnd", var("Date", "2034-06-01T10:00:00.000+0000"), "durationJustification", var("String", "Dos años y medio"),
            "palMinutes", Http.pdfVar("acta-vigencia.pdf")),
        List.of(new Field("palStart", Kind.DATE, 0), new Field("durationJustification", Kind.TEXT, 4000))));
    t.add(new TaskCase("hold-public-launch", () -> {
      ProcessInstance e = driver.startAtStep("zac", 5);
      driver.complete(e, "schedule-pal", TestVariables.schedulePal());
      return driver.task(e, "hold-public-launch").getId();
    }, () -> vars("launchDate", var("Date", "2032-02-01T10:00:00.000+0000"), "launchPlace", var("String", "Plaza"),
        "launchEvidenceUrl", var("String", "https://video.zacatecas.gob.mx/lanzamiento")),
        List.of(new Field("launchDate", Kind.DATE, 0), new Field("launchPlace", Kind.TEXT, 500),
            new Field("launchEvidenceUrl", Kind.URL, 2000))));
    t.add(new TaskCase("report-progress", () -> driver.tasks(driver.startAtStep("zac", 6), "report-progress").get(0).getId(),
        () -> vars("activityProgress", json("[{\"activity\":1,\"status\":\"in-progress\"}]"),
            "evidenceUrl", var("String", "https://transparencia.zacatecas.gob.mx/avance")),
        List.of(new Field("activityProgress[1].status", Kind.CHOICE, 0), new Field("evidenceUrl", Kind.URL, 2000))));
    t.add(new TaskCase("monitor-commitments", () -> followUpTask("Event_SixMonthsAfterLaunch", "monitor-commitments"),
        () -> vars("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"moderate","notes":"Bien"},
             {"commitment":2,"verifiable":true,"relevant":false,"potentialImpact":"minor","notes":""}]""")),
        List.of(new Field("monitoring[1].notes", Kind.OPTIONAL_TEXT, 4000),
            new Field("monitoring[1].potentialImpact", Kind.CHOICE, 0), new Field("monitoring[1].verifiable", Kind.BOOLEAN, 0))));
    t.add(new TaskCase("self-assess-pal", () -> {
      ProcessInstance e = driver.startAtStep("zac", 6);
      driver.monitor(e);
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(driver.step(e, "follow-up").getId()).timers().activityId("Event_PalEnded").singleResult().getId());
      return driver.task(e, "self-assess-pal").getId();
    }, () -> vars("achievements", var("String", "Se publicó el portal"), "difficulties", var("String", "Cambio de titular"),
            "lessons", var("String", "Acordar quién publica")),
        List.of(new Field("achievements", Kind.TEXT, 4000), new Field("difficulties", Kind.TEXT, 4000),
            new Field("lessons", Kind.OPTIONAL_TEXT, 4000))));
    t.add(new TaskCase("evaluate-year", () -> {
      ProcessInstance e = driver.startWithPal("zac", "2032-02-01", "2034-02-01", "2032-02-01");
      driver.monitor(e);
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(driver.step(e, "follow-up").getId()).timers().activityId("Event_YearOfImplementationEnded")
          .singleResult().getId());
      driver.selfAssess(e);
      return driver.task(e, "evaluate-year").getId();
    }, () -> vars("yearEvaluation", json("""
            [{"commitment":1,"completion":"substantial","notes":"Avanza"},
             {"commitment":2,"completion":"limited","notes":""}]""")),
        List.of(new Field("yearEvaluation[1].notes", Kind.OPTIONAL_TEXT, 4000),
            new Field("yearEvaluation[1].completion", Kind.CHOICE, 0))));
    t.add(new TaskCase("evaluate-performance", () -> followUpTask("Event_PalEnded", "evaluate-performance"),
        () -> vars("evaluation", json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major","notes":"Logrado"},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal","notes":""}]""")),
        List.of(new Field("evaluation[1].notes", Kind.OPTIONAL_TEXT, 4000),
            new Field("evaluation[1].completion", Kind.CHOICE, 0))));
    return t;
  }

  /** The start of an exercise over engine REST: its three variables, each with bad values. */
  private List<DynamicTest> startRows() {
    List<DynamicTest> rows = new ArrayList<>();
    Map<String, Object> valid = vars("entity", var("String", "zac"), "exerciseName", var("String", "Ejercicio"),
        "guarantorBody", var("String", "IZAI"));
    for (String field : List.of("exerciseName", "guarantorBody")) {
      for (Mutation mutation : mutations(new Field(field, Kind.TEXT, 500))) {
        rows.add(DynamicTest.dynamicTest("inicio · " + field + " · " + mutation.name(), () -> {
          String key = ExerciseDriver.newBusinessKey("zac");
          Answer answer = http.post("admin", "/engine-rest/process-definition/key/local-exercise/start",
              escaped(Map.of("businessKey", key, "variables", mutate(valid, field, mutation.value()))));
          if (mutation.accepted()) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(engine.getRuntimeService().getVariable(answer.json().get("id").asText(), field))
                .isEqualTo(mutation.value());
          } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.json().path("violations")).anySatisfy(v ->
                assertThat(v.path("field").asText()).isEqualTo(field));
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
                .isZero();
          }
        }));
      }
    }
    rows.add(DynamicTest.dynamicTest("inicio · entity · fuera de sus valores", () -> {
      Answer answer = http.post("admin", "/engine-rest/process-definition/key/local-exercise/start",
          Map.of("variables", mutate(valid, "entity", "zzz")));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.message()).contains("Entidad federativa", "no es una entidad federativa");
    }));
    return rows;
  }

  /** Values of types the contract does not use: a 400 naming the field, never a 500 nor a deserialization. */
  private List<DynamicTest> foreignTypes() {
    List<DynamicTest> rows = new ArrayList<>();
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    values.put("Json que no es JSON", Map.of("type", "Json", "value", "{sin cerrar"));
    values.put("Xml", Map.of("type", "Xml", "value", "<a/>"));
    values.put("Object en serialización Java", Map.of("type", "Object", "value", "rO0ABXQAAWE=", "valueInfo",
        Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    values.put("Object en JSON de una clase cualquiera", Map.of("type", "Object", "value", "{}", "valueInfo",
        Map.of("objectTypeName", "javax.swing.JEditorPane", "serializationDataFormat", "application/json")));
    values.put("Bytes", Map.of("type", "Bytes", "value", "AAEC"));
    values.forEach((name, value) -> {
      rows.add(DynamicTest.dynamicTest("sign-declaration · signatoryName · " + name, () -> {
        String task = sector(driver.start("zac"), "government");
        Map<String, Object> variables = new LinkedHashMap<>(Map.of("signed", var("Boolean", true)));
        variables.put("signatoryName", value);
        Answer answer = complete(task, variables);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
      }));
      for (String field : List.of("entity", "guarantorBody")) {
        rows.add(DynamicTest.dynamicTest("inicio · " + field + " · " + name, () -> {
          Map<String, Object> variables = new LinkedHashMap<>(Map.of("entity", var("String", "zac"),
              "exerciseName", var("String", "Ejercicio"), "guarantorBody", var("String", "IZAI")));
          variables.put(field, value);
          String key = ExerciseDriver.newBusinessKey("zac");
          Answer answer = http.post("admin", "/engine-rest/process-definition/key/local-exercise/start",
              Map.of("businessKey", key, "variables", variables));
          assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
          assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count())
              .isZero();
        }));
      }
    });
    return rows;
  }

  // --- helpers ------------------------------------------------------------------------------

  private static Map<String, Object> vars(Object... nameValue) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      v.put((String) nameValue[i], nameValue[i + 1]);
    }
    return v;
  }

  private static Map<String, Object> json(String json) {
    return Map.of("type", "Json", "value", json);
  }

  private String sector(ProcessInstance exercise, String sector) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup(sector).singleResult().getId();
  }

  private String open(ProcessInstance exercise, String taskKey) {
    return driver.task(exercise, taskKey).getId();
  }

  private static String stl(ExerciseDriver driver, String taskKey) {
    ProcessInstance e = driver.startAtStep("zac", 3);
    driver.complete(e, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    driver.complete(e, "elect-stl", TestVariables.electStl(driver.tag(e)));
    return driver.task(e, taskKey).getId();
  }

  /** A task of an STL installed at a meeting on {@code meetingDay} (a day already past: its sessions come after). */
  private static String installedStl(ExerciseDriver driver, String meetingDay, String taskKey) {
    ProcessInstance e = driver.startAtStep("zac", 3);
    driver.integrateStl(e, "consensus", TestVariables.conveneStlMeeting().putValue("meetingDate", meetingDay));
    return driver.task(e, taskKey).getId();
  }

  private static String stlWithRules(ExerciseDriver driver, String taskKey) {
    ProcessInstance e = driver.startAtStep("zac", 3);
    driver.complete(e, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    driver.complete(e, "elect-stl", TestVariables.electStl(driver.tag(e)));
    driver.complete(e, "define-stl-rules", TestVariables.defineStlRules("consensus"));
    return driver.task(e, taskKey).getId();
  }

  private static Task tables(ExerciseDriver driver) {
    ProcessInstance e = driver.startAtStep("zac", 4);
    driver.complete(e, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(e, "hold-working-table", TestVariables.holdWorkingTable());
    return driver.task(e, "consolidate-commitments");
  }

  private String followUpTask(String timer, String taskKey) {
    ProcessInstance e = driver.startAtStep("zac", 6);
    if (timer.equals("Event_PalEnded")) {
      driver.monitor(e); // the evaluation comes after INAI's monitoring
      driver.endPal(e);
    } else {
      ProcessInstance followUp = driver.step(e, "follow-up");
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(followUp.getId()).timers().activityId(timer).singleResult().getId());
    }
    return driver.task(e, taskKey).getId();
  }
}
