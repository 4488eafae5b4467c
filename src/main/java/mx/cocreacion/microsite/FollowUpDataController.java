package mx.cocreacion.microsite;

import static mx.cocreacion.microsite.OpenDataAnswers.EXERCISE_YEAR;
import static mx.cocreacion.microsite.OpenDataAnswers.NATIONAL_YEAR;
import static mx.cocreacion.microsite.OpenDataAnswers.TENANT;
import static mx.cocreacion.microsite.OpenDataAnswers.today;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import mx.cocreacion.microsite.OpenDataAnswers.ErrorBody;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data of the follow-up as files of their own: the activities and INAI's assessments of every entidad's exercise
 * (national, {@code ?year=}) and of one entidad's, and one entidad's exercises of every year
 * ({@link FollowUpFiles}, {@link ExerciseCsv}). Public and read-only like the rest ({@link OpenDataController}), kept
 * by {@link PublicResponseCacheFilter}.
 */
@RestController
@Tag(name = "Datos abiertos")
class FollowUpDataController {

  private final PublicExercises exercises;
  private final NationalFiles national;
  private final OpenDataAnswers answers;

  FollowUpDataController(PublicExercises exercises, NationalFiles national, OpenDataAnswers answers) {
    this.exercises = exercises;
    this.national = national;
    this.answers = answers;
  }

  @GetMapping(value = "/api/public/activities.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Actividades de todas las entidades (CSV)",
      description = "Una fila por actividad de cada compromiso del ejercicio actual de cada entidad (o del año "
          + "indicado): de quién es (tenant, entityName, year, businessKey, commitmentId), el compromiso, la actividad "
          + "(título, producto, indicador, línea base, meta, fecha de término, estado), si está vencida y el último "
          + "valor medido de su indicador. El diccionario está en /api/public/datapackage.json.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalActivitiesCsv(
      @Parameter(description = NATIONAL_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.nationalCsv(year, "actividades-nacional",
        y -> FollowUpFiles.activitiesCsv(national.commitments(y), today()));
  }

  @GetMapping(value = "/api/public/assessments.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Monitoreo y evaluaciones del INAI de todas las entidades (CSV)",
      description = "Una fila por valoración del INAI de cada compromiso del ejercicio actual de cada entidad (o del "
          + "año indicado): el monitoreo a seis meses (verificable, relevante, impacto potencial), la evaluación de "
          + "cada año de implementación (cumplimiento) y la evaluación final (cumplimiento y si abrió el gobierno), "
          + "con commitmentId para unirla con sus compromisos. El diccionario está en /api/public/datapackage.json.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> nationalAssessmentsCsv(
      @Parameter(description = NATIONAL_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.nationalCsv(year, "evaluaciones-nacional", y -> FollowUpFiles.assessmentsCsv(national.commitments(y)));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/exercises.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Ejercicios de una entidad (CSV)",
      description = "Las filas de la entidad en el archivo nacional de ejercicios (/api/public/exercises.csv), con sus "
          + "mismas columnas: una por cada ejercicio que ha tenido, de todos los años, el más reciente primero.")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no ha tenido ningún ejercicio",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> entityExercisesCsv(@Parameter(description = TENANT) @PathVariable String tenant) {
    return answers.find(tenant, (Integer) null, found -> OpenDataAnswers.csv("ejercicios-" + tenant + ".csv",
        ExerciseCsv.write(exercises.all().stream().filter(e -> e.tenant().equals(tenant)).toList())));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/activities.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Actividades de un ejercicio (CSV)",
      description = "Las filas de la entidad en el archivo nacional de actividades (/api/public/activities.csv), con sus "
          + "mismas columnas: una por actividad de cada compromiso de su ejercicio actual (o del año indicado).")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> activitiesCsv(@Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.exerciseCsv(tenant, year, "actividades",
        found -> FollowUpFiles.activitiesCsv(List.of(national.commitmentsOf(found)), today()));
  }

  @GetMapping(value = "/api/public/exercises/{tenant}/assessments.csv", produces = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "Monitoreo y evaluaciones del INAI de un ejercicio (CSV)",
      description = "Las filas de la entidad en el archivo nacional de valoraciones del INAI (/api/public/assessments.csv), "
          + "con sus mismas columnas: una por monitoreo, evaluación anual o evaluación final de cada compromiso de su "
          + "ejercicio actual (o del año indicado).")
  @ApiResponse(responseCode = "200", description = "El CSV", content = @Content(mediaType = "text/csv"))
  @ApiResponse(responseCode = "400", description = "El parámetro «year» no es un año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  @ApiResponse(responseCode = "404", description = "La entidad no existe o no tiene ejercicio de ese año",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
  ResponseEntity<?> assessmentsCsv(@Parameter(description = TENANT) @PathVariable String tenant,
      @Parameter(description = EXERCISE_YEAR, schema = @Schema(type = "integer", format = "int32", example = "2025"))
      @RequestParam(required = false) String year) {
    return answers.exerciseCsv(tenant, year, "evaluaciones",
        found -> FollowUpFiles.assessmentsCsv(List.of(national.commitmentsOf(found))));
  }
}
