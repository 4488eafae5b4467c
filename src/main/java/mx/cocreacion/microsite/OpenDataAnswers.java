package mx.cocreacion.microsite;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How the open-data controllers answer: a CSV inline with its file name, the year parameter read (400 naming it when
 * it is not a year), the entidad's exercise found (404 for an unknown entidad or one without that exercise), the
 * error body, and the descriptions of the parameters their paths share.
 */
@Component
class OpenDataAnswers {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  /** The descriptions of the parameters the open data's paths share. */
  static final String TENANT = "Clave de la entidad federativa (tenant), p. ej. «oax»";
  static final String EXERCISE_YEAR = "Año de un ejercicio anterior (AAAA); sin él, el ejercicio actual";
  static final String NATIONAL_YEAR = "Año de los ejercicios (AAAA); sin él, el ejercicio actual de cada entidad";

  /** An error answer: {@code type}, Spanish {@code message} and, for bad parameters, {@code violations}. */
  @Schema(description = "Respuesta de error: tipo, mensaje en español y, si aplica, los parámetros inválidos")
  record ErrorBody(String type, String message, List<Map<String, String>> violations) {}

  private final PublicExercises exercises;

  OpenDataAnswers(PublicExercises exercises) {
    this.exercises = exercises;
  }

  /** Today in Mexico City, by the engine's clock: the day an activity is overdue after. */
  static LocalDate today() {
    return Dates.localDate(ClockUtil.getCurrentTime().toInstant());
  }

  /** A national file, {@code name}.csv or, for a year, {@code name}-AAAA.csv, its body written for that year. */
  ResponseEntity<?> nationalCsv(String year, String name, Function<Integer, String> body) {
    return withYear(year, y -> csv(y == null ? name + ".csv" : name + "-" + y + ".csv", body.apply(y)));
  }

  /** Runs {@code answer} with the year parameter parsed (null when absent), or answers 400 naming it. */
  ResponseEntity<?> withYear(String year, Function<Integer, ResponseEntity<?>> answer) {
    if (year == null) {
      return answer.apply(null);
    }
    String trimmed = year.trim();
    if (!trimmed.matches("\\d{4}")) {
      return error(HttpStatus.BAD_REQUEST, "InvalidParameter",
          "El parámetro «year» debe ser un año de cuatro cifras (AAAA); se recibió «" + year + "».",
          List.of(Map.of("field", "year", "message", "debe ser un año de cuatro cifras (AAAA)")));
    }
    return answer.apply(Integer.valueOf(trimmed));
  }

  /** A file of one exercise, {@code name}-{businessKey}.csv, its body written for the exercise found. */
  ResponseEntity<?> exerciseCsv(String tenant, String year, String name, Function<PublicExercises.Found, String> body) {
    return find(tenant, year, found -> csv(name + "-" + found.exercise().businessKey() + ".csv", body.apply(found)));
  }

  /** Runs {@code answer} with the entidad's exercise of the year parameter (without it, its current one). */
  ResponseEntity<?> find(String tenant, String year, Function<PublicExercises.Found, ResponseEntity<?>> answer) {
    return withYear(year, parsedYear -> find(tenant, parsedYear, answer));
  }

  /** Runs {@code answer} with the entidad's exercise of {@code parsedYear} (its current one when null), or 404. */
  ResponseEntity<?> find(String tenant, Integer parsedYear, Function<PublicExercises.Found, ResponseEntity<?>> answer) {
    if (!EntityCatalogue.exists(tenant)) {
      return error(HttpStatus.NOT_FOUND, "NotFound",
          "No existe la entidad federativa «" + tenant + "».", null);
    }
    var found = exercises.find(tenant, parsedYear);
    if (found.isEmpty()) {
      String entity = EntityCatalogue.nameOf(tenant);
      return error(HttpStatus.NOT_FOUND, "NotFound", parsedYear == null
          ? entity + " no tiene ningún ejercicio de cocreación."
          : entity + " no tiene un ejercicio de cocreación del año " + parsedYear + ".", null);
    }
    return answer.apply(found.get());
  }

  /** An error answer as JSON: {@code type}, the Spanish {@code message} and the {@code violations} (none when null). */
  static ResponseEntity<ErrorBody> error(HttpStatus status, String type, String message,
      List<Map<String, String>> violations) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorBody(type, message, violations == null ? List.of() : violations));
  }

  /** A CSV answer, {@code filename} inline (UTF-8). */
  static ResponseEntity<String> csv(String filename, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(CSV);
    headers.setContentDisposition(ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(headers).body(body);
  }
}
