package mx.cocreacion.microsite;

import static mx.cocreacion.microsite.OpenDataAnswers.EXERCISE_YEAR;
import static mx.cocreacion.microsite.OpenDataAnswers.NATIONAL_YEAR;
import static mx.cocreacion.microsite.OpenDataAnswers.TENANT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import mx.cocreacion.microsite.OpenDataAnswers.ErrorBody;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.EvaluationRound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: the exercises and their commitments as JSON and CSV, public and read-only. Only the
 * public read model ({@link PublicExercises}) is exposed: no e-mails, no ids beyond the business key.
 * The bodies are served as kept by {@link PublicResponseCacheFilter} (the national lists are 1 MB at
 * national scale: serialised once per change of the plan of record, with an {@code ETag}, gzip for
 * clients that take it).
 */
@RestController
@OpenAPIDefinition(info = @Info(title = "Cocreación desde lo local: API",
    description = "Datos abiertos de los ejercicios locales de gobierno abierto y carga de compromisos desde CSV. "
        + "El motor de procesos (Camunda) tiene su propia API REST en /engine-rest.", version = "v1"))
@Tag(name = "Datos abiertos", description = "Ejercicios de cocreación y sus compromisos, en JSON y CSV. "
    + "Públicos, sin inicio de sesión, de solo lectura.")
class OpenDataController {

  private final PublicExercises exercises;
  private final ObjectMapper json;
  private final NationalFiles national;
  private final OpenDataAnswers answers;

  OpenDataController(PublicExercises exercises, ObjectMapper json, NationalFiles national, OpenDataAnswers answers) {
    this.answers = answers;
    this.exercises = exercises;
    this.json = json;
    this.national = national;
  }

  @GetMapping(value = "/api/public/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Compromisos de todas las entidades",
      description = "Los compromisos del ejercicio actual de cada entidad (o de los ejercicios del año indicado), uno "
          + "por elemento, cada uno con tenant, entityName, year, businessKey y su identificador estable commitmentId "
          + "(«oax-2026-c03»), además de los campos de los compromisos de un ejercicio.")
  @ApiResponse(responseCode = "200", description = "Los compromisos",
      content = @Content(mediaType = "application/json",
          array = @ArraySchema(schema = @Schema(implementation = NationalCommitment.class))))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalCommitments(
      @Parameter(description = NATIONAL_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.withYear(year, y -> {
      List<ObjectNode> rows = new java.util.ArrayList<>();
      for (NationalFiles.ExerciseCommitments e : national.commitments(y)) {
        for (CommitmentView c : e.commitments()) {
          ObjectNode row = json.createObjectNode();
          row.put("tenant", e.exercise().tenant());
          row.put("entityName", e.exercise().entityName());
          row.put("year", e.exercise().year());
          row.put("businessKey", e.exercise().businessKey());
          row.put("commitmentId", e.commitmentId(c));
          row.setAll((ObjectNode) json.valueToTree(c));
          rows.add(row);
        }
      }
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(serialised(rows));
    });
  }

  @GetMapping(value = "/api/public/commitments.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Compromisos y actividades de todas las entidades (CSV)",
      description = "Una fila por actividad de cada compromiso del ejercicio actual de cada entidad (o del año "
          + "indicado): tenant, entityName, year, businessKey, commitmentId y las columnas del CSV de compromisos de un "
          + "ejercicio, más el último valor medido del indicador (currentValue, currentValueOn) y los resultados del "
          + "monitoreo y de la evaluación final del INAI. El diccionario está en /api/public/datapackage.json.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalCommitmentsCsv(
      @Parameter(description = NATIONAL_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.nationalCsv(year, "compromisos-nacional", y -> NationalFiles.commitmentsCsv(national.commitments(y)));
  }

  @GetMapping(value = "/api/public/reports.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Informes de avance de todas las entidades (CSV)",
      description = "Una fila por informe de avance de cada compromiso del ejercicio actual de cada entidad (o del año "
          + "indicado), con commitmentId para unirlo con el CSV de compromisos.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalReportsCsv(
      @Parameter(description = NATIONAL_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.nationalCsv(year, "informes-nacional", y -> NationalFiles.reportsCsv(national.commitments(y)));
  }

  @GetMapping(value = "/api/public/evidence.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Evidencia documental de todas las entidades (CSV)",
      description = "Una fila por documento publicado como evidencia del ejercicio actual de cada entidad (o del año "
          + "indicado): paso del método, qué es, nombre y tipo del archivo, tamaño, fecha y dirección de descarga (ruta "
          + "en este sitio, o el enlace externo registrado). El diccionario está en /api/public/datapackage.json.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalEvidenceCsv(
      @Parameter(description = NATIONAL_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.nationalCsv(year, "evidencia-nacional", y -> NationalFiles.evidenceCsv(national.evidence(y)));
  }

  /** The commitments of one exercise: which exercise, and its commitments with activities and progress. */
  @Schema(description = "Un ejercicio y sus compromisos con actividades, avance (porcentaje 0–100), reportes, "
      + "monitoreo y evaluación; las evaluaciones del INAI (una al concluir cada año de implementación antes del fin "
      + "del PAL y la final) con la autoevaluación del STL previa a cada una")
  record ExerciseCommitments(PublicExercise exercise, List<CommitmentView> commitments, List<EvaluationRound> evaluations) {}

  /** Whose a commitment of the national file is: the fields a row adds to those of the commitment. */
  @Schema(description = "De quién es el compromiso: entidad, año, ejercicio e identificador estable")
  record NationalCommitmentIdentity(
      @Schema(description = "Clave de tres letras de la entidad federativa (p. ej. «oax»)") String tenant,
      @Schema(description = "Nombre oficial de la entidad federativa") String entityName,
      @Schema(description = "Año del ejercicio (AAAA)") int year,
      @Schema(description = "Clave del ejercicio: entidad y año («oax-2026»)") String businessKey,
      @Schema(description = "Identificador estable del compromiso: clave del ejercicio y número («oax-2026-c03»)")
      String commitmentId) {}

  /** One element of {@code /api/public/commitments}: whose it is, and the commitment as an exercise's file has it. */
  @Schema(name = "NationalCommitment", description = "Un compromiso del archivo nacional: de quién es y sus campos",
      allOf = {NationalCommitmentIdentity.class, CommitmentView.class})
  interface NationalCommitment {}

  @GetMapping(value = "/api/public/exercises", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Todos los ejercicios",
      description = "Todos los ejercicios de todas las entidades federativas (el más reciente primero dentro de "
          + "cada entidad), con su paso actual, fechas del PAL, número de compromisos y avance promedio.")
  @ApiResponse(responseCode = "200", description = "Los ejercicios", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE,
      array = @ArraySchema(schema = @Schema(implementation = PublicExercise.class))))
  ResponseEntity<byte[]> all() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(serialised(exercises.all()));
  }

  @GetMapping(value = "/api/public/exercises.csv", produces = "text/csv")
  @Operation(summary = "Todos los ejercicios (CSV)",
      description = "Los mismos datos que la versión JSON, en CSV UTF-8 con fila de encabezados: tenant, entityName, "
          + "year, businessKey, name, guarantorBody, currentStep, finished, startedAt, endedAt, palStart, palEnd, "
          + "launchDate, launchPlace, commitments, palProgress, starredCommitments, overdueTasks.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  ResponseEntity<String> allCsv() {
    return OpenDataAnswers.csv("ejercicios.csv", ExerciseCsv.write(exercises.all()));
  }

  private byte[] serialised(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the open data could not be written as JSON", e);
    }
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Compromisos de un ejercicio",
      description = "Los compromisos del ejercicio actual de la entidad (o del año indicado) con sus actividades, "
          + "avance, reportes de avance y, cuando existen, el monitoreo y la evaluación del INAI; en «evaluations», las "
          + "evaluaciones del INAI (anuales y final) con la autoevaluación del STL.")
  @ApiResponse(responseCode = "200", description = "El ejercicio y sus compromisos",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExerciseCommitments.class)))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> commitments(
      @Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.find(tenant, year, found -> ResponseEntity.ok(new ExerciseCommitments(found.exercise(),
        exercises.commitments(found.exerciseId()), exercises.evaluations(found.exerciseId()))));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/commitments.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Compromisos de un ejercicio (CSV)",
      description = "Una fila por actividad; las columnas del compromiso se repiten en cada una de sus filas y "
          + "«commitment» (su número) las agrupa. Columnas: commitment, title, problem, description, responsible, "
          + "sdgs (ODS separados por «|», p. ej. «10|16»), criteria_inclusive, criteria_strategic, "
          + "criteria_transformative, criteria_replicable, criteria_measurable, criteria_agenda2030, criteria_gender, "
          + "criteria_anticorruption (true/false), approved, progress (0–100), starred, activity, activity_title, "
          + "product, indicator, baseline, target, dueDate (AAAA-MM-DD), status. UTF-8 con fila de encabezados. "
          + "El mismo archivo puede importarse en la tarea «Consolidar compromisos».")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> commitmentsCsv(
      @Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.exerciseCsv(tenant, year, "compromisos", found -> CommitmentCsv.write(exercises.commitments(found.exerciseId())));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/reports.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Informes de avance de un ejercicio (CSV)",
      description = "Las filas de la entidad en el archivo nacional de informes de avance (/api/public/reports.csv), con "
          + "sus mismas columnas: una por informe de avance de cada compromiso del ejercicio actual de la entidad (o del "
          + "año indicado), con commitmentId para unirlo con sus compromisos.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> reportsCsv(
      @Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.exerciseCsv(tenant, year, "informes", found -> NationalFiles.reportsCsv(List.of(national.commitmentsOf(found))));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/evidence.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Evidencia documental de un ejercicio (CSV)",
      description = "Las filas de la entidad en el archivo nacional de evidencia (/api/public/evidence.csv), con sus "
          + "mismas columnas: una por documento publicado como evidencia de su ejercicio actual (o del año indicado), "
          + "con el paso del método y la dirección de descarga.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> evidenceCsv(
      @Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR,
          schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.exerciseCsv(tenant, year, "evidencia", found -> NationalFiles.evidenceCsv(List.of(national.evidenceOf(found))));
  }
}
