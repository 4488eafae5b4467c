package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.Commitments;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.TestVariables;
import mx.cocreacion.validation.TaskInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Open data (JSON, CSV, OpenAPI) and the CSV import into consolidate-commitments, over HTTP. */
@CocreacionTest
class OpenDataTest {

  @Autowired ProcessEngine engine;
  @Autowired PublicExercises publicExercises;
  @LocalServerPort int port;
  ExerciseDriver driver;
  private Http http;

  @BeforeEach
  void setUp() {
    driver = new ExerciseDriver(engine);
    http = new Http(port);
  }

  Answer get(String path) {
    return http.get(path);
  }

  /** The CSV import into a task, as this person (anonymous when null). */
  Answer postCsv(String taskId, String user, String csv) {
    return http.postBytes(user, "/api/tasks/" + taskId + "/commitments.csv", "text/csv; charset=UTF-8",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  static int year(ProcessInstance exercise) {
    String key = exercise.getBusinessKey();
    return Integer.parseInt(key.substring(key.indexOf('-') + 1));
  }

  static List<CSVRecord> csv(String text) throws IOException {
    try (var parser = CSVParser.parse(text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  // --- JSON ----------------------------------------------------------------------------------

  @Test
  void listsEveryExerciseAsJsonAndCsv() throws IOException {
    ProcessInstance exercise = driver.startAtStep("jal", 2);

    Answer json = get("/api/public/exercises");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.header("Content-Type")).startsWith("application/json");
    JsonNode mine = null;
    for (JsonNode e : json.json()) {
      if (e.get("businessKey").asText().equals(exercise.getBusinessKey())) {
        mine = e;
      }
    }
    assertThat(mine).as("the exercise is listed").isNotNull();
    assertThat(mine.get("tenant").asText()).isEqualTo("jal");
    assertThat(mine.get("year").asInt()).isEqualTo(year(exercise));
    assertThat(mine.get("currentStep").asInt()).isEqualTo(2);
    assertThat(mine.get("guarantorBody").asText()).isEqualTo("Órgano garante de jal");
    assertThat(json.body()).doesNotContain("@").doesNotContain(exercise.getProcessInstanceId());

    Answer csv = get("/api/public/exercises.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.body()).startsWith(String.join(",", ExerciseCsv.COLUMNS) + "\r\n");
    assertThat(csv(csv.body())).anySatisfy(r -> {
      assertThat(r.get("businessKey")).isEqualTo(exercise.getBusinessKey());
      assertThat(r.get("guarantorBody")).isEqualTo("Órgano garante de jal");
    });
  }

  @Test
  void servesTheCommitmentsOfTheCurrentExerciseOrOfAYear() {
    ProcessInstance earlier = driver.startAtStep("cam", 6);
    ProcessInstance current = driver.startAtStep("cam", 2);

    Answer byYear = get("/api/public/exercises/cam/commitments?year=" + year(earlier));
    assertThat(byYear.status()).isEqualTo(200);
    JsonNode body = byYear.json();
    assertThat(body.at("/exercise/businessKey").asText()).isEqualTo(earlier.getBusinessKey());
    assertThat(body.at("/exercise/currentStep").asInt()).isEqualTo(6);
    JsonNode commitments = body.get("commitments");
    assertThat(commitments).hasSize(2);
    JsonNode first = commitments.get(0);
    assertThat(first.get("position").asInt()).isEqualTo(1);
    assertThat(first.get("title").asText()).isEqualTo("Presupuesto abierto");
    assertThat(first.get("problem").asText()).isEqualTo("Opacidad en el gasto");
    assertThat(first.get("responsible").asText()).isEqualTo("Secretaría de Finanzas");
    assertThat(first.get("sdgs").toString()).isEqualTo("[10,16]");
    assertThat(first.at("/criteria/inclusive").asBoolean()).isTrue();
    assertThat(first.at("/criteria/gender").asBoolean()).isFalse();
    assertThat(first.get("approved").asBoolean()).isTrue();
    assertThat(first.get("progress").isInt()).isTrue();
    assertThat(first.get("activities")).hasSize(2);
    assertThat(first.at("/activities/0/product").asText()).isEqualTo("Portal de datos");
    assertThat(first.at("/activities/0/dueDate").asText()).isEqualTo("2032-06-30");
    assertThat(first.at("/activities/0/status").asText()).isNotBlank();
    // The STL's votes on each commitment are public: the seat's name and sector, the vote, the comment.
    assertThat(first.get("approvalHistory")).hasSize(3);
    JsonNode vote = commitments.get(1).at("/approvalHistory/0");
    assertThat(vote.get("round").asInt()).isEqualTo(1);
    assertThat(vote.get("name").asText()).isNotBlank();
    assertThat(vote.get("sector").asText()).isIn("guarantor", "society", "government");
    assertThat(vote.get("approved").asBoolean()).isTrue();
    assertThat(vote.get("comments").asText()).isEqualTo("De acuerdo");
    assertThat(vote.get("votedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(byYear.body()).doesNotContain("@").doesNotContain(earlier.getProcessInstanceId());

    Answer now = get("/api/public/exercises/cam/commitments");
    assertThat(now.status()).isEqualTo(200);
    String expected = publicExercises.find("cam", null).orElseThrow().exercise().businessKey();
    assertThat(now.json().at("/exercise/businessKey").asText()).isEqualTo(expected);
    if (expected.equals(current.getBusinessKey())) {
      assertThat(now.json().get("commitments")).isEmpty();
    }
  }

  @Test
  void unknownEntityOrYearIs404AndABadYearIs400() {
    Answer unknown = get("/api/public/exercises/xyz/commitments");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("No existe la entidad federativa «xyz»");

    driver.startAtStep("oax", 2);
    Answer noYear = get("/api/public/exercises/oax/commitments?year=1990");
    assertThat(noYear.status()).isEqualTo(404);
    assertThat(noYear.json().get("message").asText()).contains("no tiene un ejercicio de cocreación del año 1990");
    assertThat(get("/api/public/exercises/oax/commitments.csv?year=1990").status()).isEqualTo(404);

    Answer bad = get("/api/public/exercises/oax/commitments?year=dos-mil");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("«year»");
    assertThat(bad.json().at("/violations/0/field").asText()).isEqualTo("year");
    assertThat(get("/api/public/exercises/oax/commitments.csv?year=20x1").status()).isEqualTo(400);
  }

  // --- CSV -----------------------------------------------------------------------------------

  @Test
  void exportsOneCsvRowPerActivityInUtf8() throws IOException {
    ProcessInstance exercise = driver.startAtStep("oax", 6);

    Answer csv = get("/api/public/exercises/oax/commitments.csv?year=" + year(exercise));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", CommitmentCsv.COLUMNS));
    assertThat(CommitmentCsv.COLUMNS).contains("title", "problem", "description", "responsible", "sdgs",
        "criteria_inclusive", "criteria_anticorruption", "activity_title", "product", "indicator", "baseline",
        "target", "dueDate", "status", "progress");

    List<CSVRecord> rows = csv(csv.body());
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.get("commitment")).containsExactly("1", "1", "2");
    assertThat(rows).extracting(r -> r.get("activity_title")).containsExactly("Portal", "Capacitación", "Comités");
    CSVRecord first = rows.get(0);
    assertThat(first.get("title")).isEqualTo("Presupuesto abierto");
    assertThat(first.get("responsible")).isEqualTo("Secretaría de Finanzas");
    assertThat(first.get("sdgs")).isEqualTo("10|16");
    assertThat(first.get("criteria_inclusive")).isEqualTo("true");
    assertThat(first.get("criteria_gender")).isEqualTo("false");
    assertThat(first.get("dueDate")).isEqualTo("2032-06-30");
    assertThat(rows.get(1).get("title")).isEqualTo("Presupuesto abierto");
    assertThat(rows.get(2).get("responsible")).isEqualTo("Secretaría de Obras");
  }

  // --- follow-up files -----------------------------------------------------------------------

  /**
   * The activities and INAI's assessments as files of their own say what the entidad's commitments JSON says, one row
   * per activity and per assessment; an entidad's files are its rows of the national ones; all are kept with an
   * entity tag and open to other origins.
   */
  @Test
  void theActivitiesAndAssessmentsFilesSayWhatTheCommitmentsJsonSays() throws IOException {
    ProcessInstance exercise = driver.startAssessed("gro", "=SUMA(A1) según el INAI");
    String key = exercise.getBusinessKey();
    String year = "?year=" + year(exercise);
    JsonNode json = get("/api/public/exercises/gro/commitments" + year).json();

    Answer activities = get("/api/public/exercises/gro/activities.csv" + year);
    assertThat(activities.status()).isEqualTo(200);
    assertThat(activities.header("Content-Disposition")).contains("actividades-" + key + ".csv");
    assertThat(activities.body()).startsWith(String.join(",", FollowUpFiles.ACTIVITY_COLUMNS) + "\r\n");
    java.time.LocalDate today = mx.cocreacion.validation.Dates.localDate(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
    List<String> expected = new java.util.ArrayList<>();
    for (JsonNode c : json.get("commitments")) {
      for (JsonNode a : c.get("activities")) {
        boolean overdue = java.time.LocalDate.parse(a.get("dueDate").asText()).isBefore(today)
            && !"done".equals(a.path("status").asText());
        expected.add(String.join("|", key + "-c0" + c.get("position").asInt(), c.get("title").asText(),
            a.get("position").asText(), a.get("product").asText(), a.get("dueDate").asText(), a.path("status").asText(""),
            String.valueOf(overdue)));
      }
    }
    List<CSVRecord> rows = csv(activities.body());
    assertThat(rows).extracting(r -> String.join("|", r.get("commitmentId"), r.get("commitmentTitle"), r.get("activity"),
        r.get("product"), r.get("dueDate"), r.get("status"), r.get("overdue"))).isEqualTo(expected).hasSize(3);

    Answer assessments = get("/api/public/exercises/gro/assessments.csv" + year);
    assertThat(assessments.status()).isEqualTo(200);
    assertThat(assessments.header("Content-Disposition")).contains("evaluaciones-" + key + ".csv");
    List<CSVRecord> assessed = csv(assessments.body());
    assertThat(assessed).extracting(r -> r.get("commitment") + " " + r.get("kind")).containsExactly(
        "1 monitoring", "1 year-evaluation", "1 final-evaluation", "2 monitoring", "2 year-evaluation", "2 final-evaluation");
    JsonNode yearRound = json.get("evaluations").get(0);
    JsonNode finalRound = json.get("evaluations").get(1);
    assertThat(finalRound.get("finalRound").asBoolean()).isTrue();
    for (int i = 0; i < 2; i++) {
      JsonNode c = json.get("commitments").get(i);
      CSVRecord monitoring = assessed.get(3 * i);
      assertThat(monitoring.get("commitmentId")).isEqualTo(key + "-c0" + (i + 1));
      assertThat(monitoring.get("verifiable")).isEqualTo(c.at("/monitoring/verifiable").asText());
      assertThat(monitoring.get("relevant")).isEqualTo(c.at("/monitoring/relevant").asText());
      assertThat(monitoring.get("potentialImpact")).isEqualTo(c.at("/monitoring/potentialImpact").asText());
      assertThat(monitoring.get("completion") + monitoring.get("round")).isEmpty();
      assertThat(java.time.Instant.parse(monitoring.get("recordedAt"))).as("when INAI recorded its monitoring")
          .isEqualTo(publicExercises.monitoredAt(exercise.getId()));
      CSVRecord yearly = assessed.get(3 * i + 1);
      assertThat(yearly.get("completion")).isEqualTo(yearRound.at("/assessments/" + i + "/completion").asText());
      assertThat(yearly.get("round") + "/" + yearly.get("implementationYear") + "/" + yearly.get("periodEnd"))
          .isEqualTo(yearRound.get("round").asText() + "/" + yearRound.get("year").asText() + "/"
              + yearRound.get("periodEnd").asText());
      assertThat(java.time.Instant.parse(yearly.get("recordedAt")))
          .isEqualTo(java.time.Instant.parse(yearRound.get("evaluatedAt").asText()));
      CSVRecord last = assessed.get(3 * i + 2);
      assertThat(last.get("completion")).isEqualTo(c.at("/evaluation/completion").asText());
      assertThat(last.get("openedGovernment")).isEqualTo(c.at("/evaluation/openedGovernment").asText());
      assertThat(last.get("round") + "/" + last.get("implementationYear")).isEqualTo(finalRound.get("round").asText() + "/");
      assertThat(last.get("verifiable") + last.get("potentialImpact")).isEmpty();
    }
    assertThat(json.at("/commitments/0/evaluation/notes").asText()).isEqualTo("=SUMA(A1) según el INAI");
    assertThat(assessed.get(2).get("notes")).as("a formula-like cell is neutralised").isEqualTo("'=SUMA(A1) según el INAI");

    // An entidad's files are its rows of the national ones; its exercises file, its rows of the national exercises.
    for (String file : List.of("activities.csv", "assessments.csv")) {
      List<String> national = get("/api/public/" + file + year).body().lines().toList();
      assertThat(get("/api/public/exercises/gro/" + file + year).body().lines().toList()).as(file).isEqualTo(
          java.util.stream.Stream.concat(national.stream().limit(1), national.stream().filter(l -> l.startsWith("gro,")))
              .toList());
    }
    List<String> allExercises = get("/api/public/exercises.csv").body().lines().toList();
    Answer own = get("/api/public/exercises/gro/exercises.csv");
    assertThat(own.header("Content-Disposition")).contains("ejercicios-gro.csv");
    assertThat(own.body().lines().toList()).isEqualTo(java.util.stream.Stream.concat(allExercises.stream().limit(1),
        allExercises.stream().filter(l -> l.startsWith("gro,"))).toList()).anySatisfy(l -> assertThat(l).contains(key));
    List<String> keys = new java.util.ArrayList<>();
    get("/api/public/exercises").json().forEach(e -> {
      if (e.get("tenant").asText().equals("gro")) {
        keys.add(e.get("businessKey").asText());
      }
    });
    assertThat(csv(own.body())).extracting(r -> r.get("businessKey")).isEqualTo(keys);

    // Kept as the other open data: an entity tag, its date, and open to any origin with the licence's link.
    for (String path : List.of("/api/public/activities.csv", "/api/public/assessments.csv" + year,
        "/api/public/exercises/gro/exercises.csv", "/api/public/exercises/gro/activities.csv",
        "/api/public/exercises/gro/assessments.csv" + year)) {
      Answer first = get(path);
      assertThat(first.status()).as(path).isEqualTo(200);
      String etag = first.header("ETag");
      assertThat(etag).as(path).isNotNull();
      assertThat(first.header("Last-Modified")).as(path).isNotNull();
      assertThat(first.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
      assertThat(first.header("Link")).as(path).contains("rel=\"license\"", "title*=UTF-8''");
      assertThat(http.send(http.request(path).header("If-None-Match", etag).GET()).status()).as(path).isEqualTo(304);
    }
  }

  @Test
  void theFollowUpFilesAnswerABadYearWith400AndAnUnknownEntidadWith404() {
    driver.startAtStep("gro", 2);
    for (String path : List.of("/api/public/activities.csv", "/api/public/assessments.csv",
        "/api/public/exercises/gro/activities.csv", "/api/public/exercises/gro/assessments.csv")) {
      Answer bad = get(path + "?year=abc");
      assertThat(bad.status()).as(path).isEqualTo(400);
      assertThat(bad.json().get("message").asText()).as(path).contains("«year»");
      assertThat(bad.json().at("/violations/0/field").asText()).as(path).isEqualTo("year");
    }
    for (String file : List.of("exercises.csv", "activities.csv", "assessments.csv")) {
      Answer unknown = get("/api/public/exercises/xyz/" + file);
      assertThat(unknown.status()).as(file).isEqualTo(404);
      assertThat(unknown.json().get("message").asText()).as(file).contains("No existe la entidad federativa «xyz»");
    }
    Answer noYear = get("/api/public/exercises/gro/assessments.csv?year=1990");
    assertThat(noYear.status()).isEqualTo(404);
    assertThat(noYear.json().get("message").asText()).contains("no tiene un ejercicio de cocreación del año 1990");
    assertThat(get("/api/public/activities.csv?year=1990").body().lines().count()).as("header only").isOne();
  }

  // --- OpenAPI -------------------------------------------------------------------------------

  @Test
  void servesTheOpenApiSpecOfTheProjectApiOnly() {
    Answer spec = get("/v3/api-docs");
    assertThat(spec.status()).isEqualTo(200);
    JsonNode paths = spec.json().get("paths");
    assertThat(paths.has("/api/public/exercises")).isTrue();
    assertThat(paths.has("/api/public/exercises.csv")).isTrue();
    assertThat(paths.has("/api/public/exercises/{tenant}/commitments")).isTrue();
    assertThat(paths.has("/api/public/exercises/{tenant}/commitments.csv")).isTrue();
    assertThat(paths.has("/api/tasks/{taskId}/commitments.csv")).isTrue();
    paths.fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));
    assertThat(paths.at("/~1api~1public~1exercises~1{tenant}~1commitments/get/description").asText())
        .contains("compromisos");

    Answer ui = get("/swagger-ui/index.html");
    assertThat(ui.status()).isEqualTo(200);
    assertThat(get("/swagger-ui.html").status()).isIn(200, 302);
  }

  // --- import --------------------------------------------------------------------------------

  /** An exercise waiting at consolidate-commitments, and its facilitator's account. */
  record Consolidating(ProcessInstance exercise, Task task, String facilitator) {}

  Consolidating atConsolidateCommitments(String tenant) {
    ProcessInstance exercise = driver.startAtStep(tenant, 4);
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Transparencia"));
    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    return new Consolidating(exercise, driver.task(exercise, "consolidate-commitments"),
        "facilitadora." + driver.tag(exercise) + "@mesas.mx");
  }

  @Test
  void importsAnExportedCsvIntoConsolidateCommitments() throws IOException {
    ProcessInstance source = driver.startAtStep("oax", 6);
    String exported = get("/api/public/exercises/oax/commitments.csv?year=" + year(source)).body();
    Consolidating target = atConsolidateCommitments("oax");

    Answer imported = postCsv(target.task().getId(), target.facilitator(), exported);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("commitments").asInt()).isEqualTo(2);
    assertThat(imported.json().get("activities").asInt()).isEqualTo(3);

    Object variable = engine.getTaskService().getVariable(target.task().getId(), "commitments");
    JsonNode expected = canonical(TestVariables.COMMITMENTS);
    assertThat(Http.JSON.readTree(variable.toString())).isEqualTo(expected);

    engine.getTaskService().complete(target.task().getId());
    assertThat(driver.tasks(target.exercise(), "consolidate-commitments")).isEmpty();
    assertThat(driver.tasks(target.exercise(), "approve-commitments")).isNotEmpty();
  }

  private JsonNode canonical(String json) throws IOException {
    TaskInput input = CommitmentCsv.input("commitments", json);
    var commitments = Commitments.read(input, "commitments");
    assertThat(input.violations()).isEmpty();
    return Http.JSON.readTree(Commitments.toJson(commitments).toString());
  }

  @Test
  void refusesABadRowOrAnotherPersonAndChangesNothing() throws IOException {
    Consolidating target = atConsolidateCommitments("jal");
    Consolidating other = atConsolidateCommitments("cam");
    String header = String.join(",", CommitmentCsv.COLUMNS);
    String badRow = header + "\r\n"
        + "1,Compromiso sin producto,Problema,Descripción,Secretaría,16|99,true,false,false,false,true,true,false,sí,"
        + "false,0,false,1,Actividad,,Indicador,0,10,2032-13-40,not-started\r\n";

    Answer bad = postCsv(target.task().getId(), target.facilitator(), badRow);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("type").asText()).isEqualTo("ValidationException");
    assertThat(bad.json().get("message").asText()).startsWith("No se pudo");
    List<String> fields = bad.json().get("violations").findValuesAsText("field");
    assertThat(fields).contains("commitments[1].sdgs", "commitments[1].activities[1].product",
        "commitments[1].activities[1].dueDate");
    assertThat(engine.getTaskService().getVariable(target.task().getId(), "commitments")).isNull();

    Answer badBoolean = postCsv(target.task().getId(), target.facilitator(),
        header + "\r\n1,T,P,D,R,16,quizá,,,,,,,,,,,,A,Prod,Ind,0,1,2032-01-01,\r\n");
    assertThat(badBoolean.status()).isEqualTo(400);
    assertThat(badBoolean.json().at("/violations/0/field").asText()).isEqualTo("fila 2.criteria_inclusive");

    Answer missingColumn = postCsv(target.task().getId(), target.facilitator(), "title,product\r\nA,B\r\n");
    assertThat(missingColumn.status()).isEqualTo(400);
    assertThat(missingColumn.json().get("message").asText()).contains("falta la columna «indicator»");

    String good = header + "\r\n1,Título,,,,16,true,,,,,,,,,,,,,Producto,Indicador,,10,2032-01-01,\r\n";
    Answer otherTenant = postCsv(target.task().getId(), other.facilitator(), good);
    assertThat(otherTenant.status()).isEqualTo(404); // another entidad's task: as if it did not exist
    assertThat(postCsv(target.task().getId(), null, good).status()).isEqualTo(401);
    assertThat(postCsv(target.task().getId(), "nadie@nada.mx", good).status()).isEqualTo(401);
    assertThat(postCsv("no-such-task", target.facilitator(), good).status()).isEqualTo(404);
    Task notConsolidate = driver.tasks(target.exercise(), "approve-commitments").isEmpty()
        ? driver.tasks(driver.startAtStep("jal", 1), "sign-declaration").get(0) : null;
    Answer wrongTask = postCsv(notConsolidate.getId(), target.facilitator(), good);
    assertThat(wrongTask.status()).isEqualTo(409);
    assertThat(wrongTask.json().get("message").asText()).contains("no es «Consolidar compromisos»");
    assertThat(engine.getTaskService().getVariable(target.task().getId(), "commitments")).isNull();

    Answer ok = postCsv(target.task().getId(), target.facilitator(), good);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getVariable(target.task().getId(), "commitments").toString())
        .contains("Título");
  }

  @Test
  void afterAVoteTheImportKeepsTheApprovedCommitmentsAsTheyAre() throws IOException {
    Consolidating first = atConsolidateCommitments("jal");
    engine.getTaskService().complete(first.task().getId(), TestVariables.consolidateCommitments());
    // Every titular approves commitment 1 and returns commitment 2: only 2 comes back.
    driver.completeAll(first.exercise(), "approve-commitments", TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(2, false, "Falta la meta")));
    Task again = driver.task(first.exercise(), "consolidate-commitments");
    String header = String.join(",", CommitmentCsv.COLUMNS);
    String changed = header + "\r\n1,Título,,,,16,true,,,,,,,,,,,,,Producto,Indicador,,10,2032-01-01,\r\n";

    Answer refused = postCsv(again.getId(), first.facilitator(), changed);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("violations").findValuesAsText("field")).contains("commitments[1]");
    assertThat(refused.json().get("message").asText()).contains("que el STL aprobó en la votación 1");
    assertThat(engine.getTaskService().getVariable(again.getId(), "commitments").toString())
        .contains("Presupuesto abierto").doesNotContain("Título");
  }

  @Test
  void formulaCellsAreNeutralisedOnExportAndReadBackOnImport() throws IOException {
    Consolidating source = atConsolidateCommitments("oax");
    String formulas = TestVariables.COMMITMENTS.replace("\"Presupuesto abierto\"", "\"=HYPERLINK(\\\"http://x\\\")\"")
        .replace("\"Secretaría de Finanzas\"", "\"@Finanzas\"").replace("\"target\":\"12\"", "\"target\":\"-12\"")
        .replace("\"Opacidad en el gasto\"", "\"+ opacidad\"");
    engine.getTaskService().complete(source.task().getId(), org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValueTyped("commitments", TestVariables.json(formulas)));
    driver.completeAll(source.exercise(), "approve-commitments", TestVariables.approve(true, "De acuerdo"));
    String year = "?year=" + year(source.exercise());

    String exported = get("/api/public/exercises/oax/commitments.csv" + year).body();
    List<CSVRecord> rows = csv(exported);
    assertThat(rows.get(0).get("title")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(rows.get(0).get("responsible")).isEqualTo("'@Finanzas");
    assertThat(rows.get(0).get("problem")).isEqualTo("'+ opacidad");
    assertThat(rows.get(0).get("target")).isEqualTo("'-12");
    assertThat(rows.get(0).get("progress")).as("numbers are written as they are").isEqualTo("0");
    // The JSON has the values as they are.
    JsonNode json = get("/api/public/exercises/oax/commitments" + year).json();
    assertThat(json.findValuesAsText("title")).contains("=HYPERLINK(\"http://x\")");

    // The import reads back what the export writes: prefixes removed, export-only columns ignored.
    Consolidating target = atConsolidateCommitments("oax");
    Answer imported = postCsv(target.task().getId(), target.facilitator(), exported);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    String variable = engine.getTaskService().getVariable(target.task().getId(), "commitments").toString();
    assertThat(variable).contains("=HYPERLINK", "\"@Finanzas\"", "\"-12\"").doesNotContain("'=", "'@", "'-");
  }

  @Test
  void anImportRefusesOtherColumnsAnotherExerciseAndOversizedFiles() {
    Consolidating target = atConsolidateCommitments("jal");
    String row = "Título,Producto,Indicador,10,2032-01-01";

    Answer unknown = postCsv(target.task().getId(), target.facilitator(),
        "title,product,indicator,target,dueDate,exerciseId\r\n" + row + ",x\r\n");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText()).contains("la columna «exerciseId» no es del CSV de compromisos");

    Answer otherExercise = postCsv(target.task().getId(), target.facilitator(),
        "tenant,title,product,indicator,target,dueDate\r\noax," + row + "\r\n");
    assertThat(otherExercise.status()).isEqualTo(400);
    assertThat(otherExercise.json().at("/violations/0/field").asText()).isEqualTo("fila 2.tenant");

    Answer ownExercise = postCsv(target.task().getId(), target.facilitator(),
        "tenant,businessKey,progress,title,product,indicator,target,dueDate\r\njal,"
            + target.exercise().getBusinessKey() + ",0.5," + row + "\r\n");
    assertThat(ownExercise.status()).as(ownExercise.body()).isEqualTo(200);

    StringBuilder many = new StringBuilder("commitment,title,product,indicator,target,dueDate\r\n");
    for (int i = 0; i < 2_600; i++) {
      many.append(i % 50 + 1).append(",T").append(i % 50).append(",P,I,1,2032-01-01\r\n");
    }
    Answer tooMany = postCsv(target.task().getId(), target.facilitator(), many.toString());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("message").asText()).contains("más de 2500 filas");

    Answer tooBig = postCsv(target.task().getId(), target.facilitator(),
        "title,product,indicator,target,dueDate\r\n" + "x".repeat(3 * 1024 * 1024) + ",P,I,1,2032-01-01\r\n");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("message").asText()).contains("pesa más de");

    Answer tooLong = postCsv(target.task().getId(), target.facilitator(),
        "title,product,indicator,target,dueDate\r\n" + "x".repeat(5000) + ",P,I,1,2032-01-01\r\n");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().at("/violations/0/field").asText()).isEqualTo("commitments[1].title");
  }
}
