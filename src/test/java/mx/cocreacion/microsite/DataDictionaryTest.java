package mx.cocreacion.microsite;

import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data dictionary: a Frictionless Tabular Data Package whose Table Schemas name every column of the open-data
 * CSVs in their order, in Spanish, with types and allowed values; every CSV the product serves (the national
 * files and each entidad's, drafts, plans in implementation and assessed ones, formula-like cells included)
 * validates against its schema with no error; a CSV that breaks the schema is caught.
 */
class DataDictionaryTest extends ProcessTestSupport {

  @LocalServerPort int port;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void theSchemasNameTheColumnsTheWritersUseInTheirOrderInSpanish() {
    assertThat(DataDictionary.names(DataDictionary.exercises())).isEqualTo(ExerciseCsv.COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.commitments())).isEqualTo(CommitmentCsv.COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.nationalCommitments())).isEqualTo(NationalFiles.COMMITMENT_COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.nationalReports())).isEqualTo(NationalFiles.REPORT_COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.nationalEvidence())).isEqualTo(NationalFiles.EVIDENCE_COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.activities())).isEqualTo(FollowUpFiles.ACTIVITY_COLUMNS);
    assertThat(DataDictionary.names(DataDictionary.assessments())).isEqualTo(FollowUpFiles.ASSESSMENT_COLUMNS);
    for (Map<String, Object> schema : List.of(DataDictionary.exercises(), DataDictionary.commitments(),
        DataDictionary.nationalCommitments(), DataDictionary.nationalReports(), DataDictionary.nationalEvidence(),
        DataDictionary.activities(), DataDictionary.assessments())) {
      JsonNode fields = Http.JSON.valueToTree(schema).path("fields");
      fields.forEach(f -> {
        assertThat(f.path("title").asText()).as(f.path("name").asText()).isNotBlank();
        assertThat(f.path("description").asText()).as(f.path("name").asText()).isNotBlank();
        assertThat(f.path("type").asText()).isIn("string", "integer", "boolean", "date", "datetime");
      });
    }
  }

  @Test
  void everyCsvTheProductServesValidatesAgainstItsSchema() {
    driver.startAtStep("chh", 6);
    var implementing = driver.startAtStep("chh", 6);
    driver.reportProgress(implementing, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        null);
    // A draft in step 4 whose texts begin like spreadsheet formulas (written with a leading ').
    var draft = driver.startAtStep("roo", 4);
    driver.complete(draft, "plan-working-tables", TestVariables.planWorkingTables("Presupuesto", "Obra"));
    driver.completeAll(draft, "hold-working-table", TestVariables.holdWorkingTable());
    driver.complete(draft, "consolidate-commitments", Variables.createVariables().putValueTyped("commitments",
        json(TestVariables.COMMITMENTS.replace("\"Presupuesto abierto\"", "\"=HIPERVINCULO(\\\"x\\\")\"")
            .replace("\"baseline\":\"0\"", "\"baseline\":\"-5\""))));
    // Every assessment of INAI: monitoring, a year's evaluation and the final one, with notes that begin like a formula.
    driver.startAssessed("son", "@INAI: cumplido");

    Answer answer = http.get("/api/public/datapackage.json");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    JsonNode dataPackage = answer.json();
    assertThat(dataPackage.path("profile").asText()).isEqualTo("tabular-data-package");
    assertThat(dataPackage.path("licenses").get(0).path("path").asText()).isEqualTo("https://datos.gob.mx/libreusomx");
    List<String> names = new java.util.ArrayList<>();
    dataPackage.path("resources").forEach(r -> names.add(r.path("name").asText()));
    assertThat(names).contains("ejercicios", "compromisos-nacional", "actividades-nacional", "informes-nacional",
        "evaluaciones-nacional", "evidencia-nacional", "ejercicios-chh", "compromisos-chh", "actividades-chh",
        "informes-chh", "evaluaciones-chh", "evidencia-chh", "compromisos-roo", "actividades-roo", "evaluaciones-son")
        .doesNotHaveDuplicates();

    for (JsonNode resource : dataPackage.path("resources")) {
      assertThat(resource.path("profile").asText()).isEqualTo("tabular-data-resource");
      Answer csv = http.get(URI.create(resource.path("path").asText()).getPath());
      assertThat(csv.status()).as(resource.path("name").asText()).isEqualTo(200);
      assertThat(TableSchemaValidator.errors(csv.body(), resource.path("schema")))
          .as("errors of " + resource.path("name").asText() + " against its Table Schema").isEmpty();
    }
    String roo = http.get("/api/public/exercises/roo/commitments.csv").body();
    assertThat(roo).contains("'=HIPERVINCULO", "'-5");
    assertThat(http.get("/api/public/exercises/roo/activities.csv").body()).contains("'=HIPERVINCULO", "'-5");
    String son = http.get("/api/public/exercises/son/assessments.csv").body();
    assertThat(son).contains("'@INAI: cumplido", ",monitoring,", ",year-evaluation,", ",final-evaluation,");
    assertThat(http.get("/api/public/assessments.csv").body()).contains("'@INAI: cumplido");
  }

  /** The national files: every entidad in one file, each row saying whose it is, joinable by commitmentId. */
  @Test
  void theNationalFilesCarryWhoseEachRowIsAndAgreeWithEachEntidadsFile() throws Exception {
    var exercise = driver.startAtStep("que", 6);
    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\",\"value\":\"3\"},"
        + "{\"activity\":2,\"status\":\"in-progress\"}]", "https://transparencia.queretaro.gob.mx/avance");
    String key = exercise.getBusinessKey();
    int year = Integer.parseInt(key.substring(4));

    JsonNode json = http.get("/api/public/commitments").json();
    List<JsonNode> queretaro = new java.util.ArrayList<>();
    json.forEach(row -> {
      if (row.path("tenant").asText().equals("que")) {
        queretaro.add(row);
      }
    });
    assertThat(queretaro).extracting(r -> r.path("commitmentId").asText()).containsExactly(key + "-c01", key + "-c02");
    assertThat(queretaro.get(0).path("businessKey").asText()).isEqualTo(key);
    assertThat(queretaro.get(0).path("year").asInt()).isEqualTo(year);
    assertThat(queretaro.get(0).path("title").asText()).isEqualTo("Presupuesto abierto");

    String csv = http.get("/api/public/commitments.csv").body();
    List<String> rows = csv.lines().filter(l -> l.startsWith("que,")).toList();
    assertThat(rows).as("one row per activity: 2 + 1").hasSize(3);
    assertThat(rows.get(0)).startsWith("que,Querétaro," + year + "," + key + "," + key + "-c01,1,Presupuesto abierto,")
        .contains(",3," + java.time.LocalDate.now(mx.cocreacion.validation.Dates.MEXICO));
    String reports = http.get("/api/public/reports.csv").body();
    assertThat(reports.lines().filter(l -> l.startsWith("que,")).toList()).singleElement().asString()
        .startsWith("que,Querétaro," + year + "," + key + "," + key + "-c01,1,1,")
        .contains("https://transparencia.queretaro.gob.mx/avance", "1: 3");
    // The evidence file lists what each exercise published, with the step and where it is downloaded.
    List<String> evidence = http.get("/api/public/evidence.csv").body().lines().filter(l -> l.startsWith("que,")).toList();
    assertThat(evidence).anySatisfy(l -> assertThat(l).startsWith("que,Querétaro," + year + "," + key + ",6,")
        .endsWith(",https://transparencia.queretaro.gob.mx/avance"));
    assertThat(evidence).allSatisfy(l -> assertThat(l).matches(".*,(https?://\\S+|/micrositio/que/evidencia/[A-Za-z0-9-]+)$"));

    // An entidad's own reports and evidence files: the header and its rows of the national ones, in their order.
    assertThat(http.get("/api/public/exercises/que/reports.csv").body().lines().toList())
        .isEqualTo(java.util.stream.Stream.concat(reports.lines().limit(1), reports.lines().filter(l -> l.startsWith("que,"))).toList());
    String nationalEvidence = http.get("/api/public/evidence.csv").body();
    Answer ownEvidence = http.get("/api/public/exercises/que/evidence.csv?year=" + year);
    assertThat(ownEvidence.header("Content-Disposition")).contains("evidencia-" + key + ".csv");
    assertThat(ownEvidence.body().lines().toList()).isEqualTo(java.util.stream.Stream.concat(nationalEvidence.lines().limit(1),
        nationalEvidence.lines().filter(l -> l.startsWith("que,"))).toList());
    assertThat(http.get("/api/public/exercises/que/reports.csv?year=1999").status()).isEqualTo(404);
    Answer noYear = http.get("/api/public/exercises/que/evidence.csv?year=dosmil");
    assertThat(noYear.status()).isEqualTo(400);
    assertThat(noYear.body()).contains("year");

    assertThat(http.get("/api/public/commitments.csv?year=" + year).body().lines().filter(l -> l.startsWith("que,")))
        .hasSize(3);
    assertThat(http.get("/api/public/commitments.csv?year=1999").body().lines().count()).as("header only").isOne();
    Answer bad = http.get("/api/public/commitments?year=dosmil");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("year");
  }

  @Test
  void aCsvThatBreaksItsSchemaIsCaught() throws Exception {
    JsonNode exercises = Http.JSON.valueToTree(DataDictionary.exercises());
    String header = String.join(",", ExerciseCsv.COLUMNS);
    String good = "oax,Oaxaca,2026,oax-2026,Ejercicio,IAIP,3,false,2026-01-10T16:00:00Z,,,,,,0,0,0,0";
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good + "\r\n", exercises)).isEmpty();
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good.replace(",3,false,", ",7,false,") + "\r\n", exercises))
        .singleElement().asString().contains("currentStep", "maximum");
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good.replace("oax,Oaxaca", "xyz,Oaxaca") + "\r\n", exercises))
        .singleElement().asString().contains("tenant", "not one of");
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good.replace(",false,", ",no,") + "\r\n", exercises))
        .singleElement().asString().contains("finished", "boolean");
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good.replace("Ejercicio", "") + "\r\n", exercises))
        .singleElement().asString().contains("name", "required");
    assertThat(TableSchemaValidator.errors(header + "\r\n" + good.replace(",oax-2026,", ",OAX-2026,") + "\r\n", exercises))
        .singleElement().asString().contains("businessKey", "does not match");
    JsonNode unique = Http.JSON.readTree("{\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"constraints\":{\"unique\":true}}]}");
    assertThat(TableSchemaValidator.errors("id\r\na\r\na\r\n", unique)).singleElement().asString().contains("repeats");
    JsonNode commitments = Http.JSON.valueToTree(DataDictionary.commitments());
    String row = "1,Título,,,,10|16,true,true,true,true,true,true,true,true,true,0,false,1,Actividad,,,,,2032-06-30,hecho";
    assertThat(TableSchemaValidator.errors(String.join(",", CommitmentCsv.COLUMNS) + "\r\n" + row + "\r\n", commitments))
        .singleElement().asString().contains("status", "not one of");
  }
}
