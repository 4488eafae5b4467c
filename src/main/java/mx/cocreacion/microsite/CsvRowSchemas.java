package mx.cocreacion.microsite;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI spec describes the rows of each open-data CSV, from the same Table Schemas the data package publishes
 * ({@link DataDictionary}): one component per file (a property per column, in the file's order, with the column's
 * type, Spanish title and description, enum, pattern and bounds; an optional column has {@code "null"} among its
 * types, its empty cell being the missing value: OpenAPI 3.1, as springdoc writes the rest), and the {@code text/csv} answer of each path is an array of those rows.
 */
@Configuration(proxyBeanMethods = false)
class CsvRowSchemas {

  /** Path of each CSV, the name of its row's component, and its Table Schema. */
  record Csv(String path, String component, Map<String, Object> tableSchema) {}

  static List<Csv> files() {
    return List.of(
        new Csv("/api/public/exercises.csv", "ExerciseCsvRow", DataDictionary.exercises()),
        new Csv("/api/public/exercises/{tenant}/commitments.csv", "CommitmentCsvRow", DataDictionary.commitments()),
        new Csv("/api/public/commitments.csv", "NationalCommitmentCsvRow", DataDictionary.nationalCommitments()),
        new Csv("/api/public/reports.csv", "NationalReportCsvRow", DataDictionary.nationalReports()),
        new Csv("/api/public/evidence.csv", "NationalEvidenceCsvRow", DataDictionary.nationalEvidence()),
        new Csv("/api/public/exercises/{tenant}/reports.csv", "NationalReportCsvRow", DataDictionary.nationalReports()),
        new Csv("/api/public/exercises/{tenant}/evidence.csv", "NationalEvidenceCsvRow", DataDictionary.nationalEvidence()),
        new Csv("/api/public/exercises/{tenant}/exercises.csv", "ExerciseCsvRow", DataDictionary.exercises()),
        new Csv("/api/public/activities.csv", "ActivityCsvRow", DataDictionary.activities()),
        new Csv("/api/public/exercises/{tenant}/activities.csv", "ActivityCsvRow", DataDictionary.activities()),
        new Csv("/api/public/assessments.csv", "AssessmentCsvRow", DataDictionary.assessments()),
        new Csv("/api/public/exercises/{tenant}/assessments.csv", "AssessmentCsvRow", DataDictionary.assessments()));
  }

  @Bean
  OpenApiCustomizer openDataCsvRows() {
    return CsvRowSchemas::describe;
  }

  static void describe(OpenAPI openApi) {
    for (Csv csv : files()) {
      openApi.getComponents().addSchemas(csv.component(), row(csv.tableSchema()));
      PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(csv.path());
      ApiResponse ok = path == null || path.getGet() == null ? null : path.getGet().getResponses().get("200");
      if (ok == null) {
        continue;
      }
      if (ok.getContent() == null) {
        ok.setContent(new Content());
      }
      ok.getContent().addMediaType("text/csv", new MediaType().schema(new Schema<>().types(Set.of("array"))
          .description("Filas del CSV (UTF-8, RFC 4180, primera fila de encabezados con los nombres de las "
              + "propiedades, en este orden); una celda vacía es un valor ausente. El mismo esquema, como Table "
              + "Schema, está en /api/public/datapackage.json.")
          .items(new Schema<>().$ref("#/components/schemas/" + csv.component()))));
    }
  }

  @SuppressWarnings("unchecked")
  static Schema<?> row(Map<String, Object> tableSchema) {
    Schema<Object> row = new Schema<>().types(Set.of("object"));
    Map<String, Schema> properties = new LinkedHashMap<>();
    List<String> requiredNames = new ArrayList<>();
    for (Map<String, Object> field : (List<Map<String, Object>>) tableSchema.get("fields")) {
      String name = (String) field.get("name");
      Map<String, Object> constraints = (Map<String, Object>) field.getOrDefault("constraints", Map.of());
      Schema<Object> property = new Schema<>();
      String type = switch ((String) field.get("type")) {
        case "integer", "boolean" -> (String) field.get("type");
        default -> "string";
      };
      switch ((String) field.get("type")) {
        case "date" -> property.format("date");
        case "datetime" -> property.format("date-time");
        default -> { }
      }
      boolean required = Boolean.TRUE.equals(constraints.get("required"));
      property.types(required ? Set.of(type) : new LinkedHashSet<>(List.of(type, "null")));
      property.title((String) field.get("title"));
      property.description((String) field.get("description"));
      if (constraints.get("enum") instanceof List<?> values) {
        property.setEnum((List<Object>) values);
      }
      if (constraints.get("pattern") instanceof String pattern) {
        property.pattern("^(" + pattern + ")$");
      }
      if (constraints.get("minimum") instanceof Number min) {
        property.minimum(new BigDecimal(min.toString()));
      }
      if (constraints.get("maximum") instanceof Number max) {
        property.maximum(new BigDecimal(max.toString()));
      }
      if (required) {
        requiredNames.add(name);
      }
      properties.put(name, property);
    }
    row.setProperties(properties);
    row.setRequired(requiredNames);
    return row;
  }
}
