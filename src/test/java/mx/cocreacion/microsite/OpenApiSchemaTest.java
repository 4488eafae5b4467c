package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI spec describes what the open data serves: every JSON answer validates against its response schema
 * (a property the answer has is in the schema with its type, and a null is allowed only where the schema has
 * "null" among its types), and each CSV has a schema of its rows whose properties are its header, with the data dictionary's
 * descriptions.
 */
class OpenApiSchemaTest extends ProcessTestSupport {

  @LocalServerPort int port;

  @Test
  void theJsonAnswersValidateAgainstTheSpecAndEachCsvHasTheSchemaOfItsRows() throws Exception {
    var exercise = driver.startAtStep("mex", 6);
    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\",\"value\":\"3\"},"
        + "{\"activity\":2,\"status\":\"in-progress\"}]", "https://transparencia.edomex.gob.mx/avance");
    Http http = new Http(port);
    JsonNode spec = http.get("/v3/api-docs").json();
    Files.writeString(Path.of("target", "openapi.json"), spec.toPrettyString());

    // Every exercise the tests left in the database, in whatever state: the nulls of each are served somewhere.
    List<String> urls = new ArrayList<>(List.of("/api/public/exercises", "/api/public/commitments"));
    http.get("/api/public/exercises").json().forEach(x -> urls.add("/api/public/exercises/"
        + x.path("tenant").asText() + "/commitments?year=" + x.path("year").asInt()));
    List<String> errors = new ArrayList<>();
    for (String url : urls) {
      String path = url.replaceFirst("\\?.*", "").replaceFirst("/exercises/[a-z]+/", "/exercises/{tenant}/");
      JsonNode schema = spec.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content")
          .elements().next().path("schema");
      validate(spec, schema, http.get(url).json(), path, errors);
    }
    assertThat(errors.stream().distinct().sorted().toList()).as("what the JSON serves against its schema in the spec")
        .isEmpty();

    for (String path : List.of("/api/public/exercises.csv", "/api/public/exercises/{tenant}/commitments.csv",
        "/api/public/commitments.csv", "/api/public/reports.csv", "/api/public/evidence.csv",
        "/api/public/exercises/{tenant}/reports.csv", "/api/public/exercises/{tenant}/evidence.csv",
        "/api/public/exercises/{tenant}/exercises.csv", "/api/public/activities.csv",
        "/api/public/exercises/{tenant}/activities.csv", "/api/public/assessments.csv",
        "/api/public/exercises/{tenant}/assessments.csv")) {
      JsonNode csv = spec.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content/text~1csv/schema");
      assertThat(csv.path("type").asText()).as(path).isEqualTo("array");
      JsonNode row = resolve(spec, csv.path("items"));
      List<String> properties = new ArrayList<>();
      row.path("properties").fieldNames().forEachRemaining(properties::add);
      String header = http.get(path.replace("{tenant}", "mex")).body().lines().findFirst().orElseThrow();
      assertThat(String.join(",", properties)).as(path).isEqualTo(header.replace("\uFEFF", ""));
      row.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
    }

    // Reading open data needs no credentials, and the spec says so on each of its operations.
    spec.path("paths").fields().forEachRemaining(path -> {
      if (path.getKey().startsWith("/api/public/")) {
        assertThat(path.getValue().path("get").path("security").toString()).as(path.getKey()).isEqualTo("[{}]");
      }
    });
  }

  private static JsonNode resolve(JsonNode spec, JsonNode schema) {
    while (schema.has("$ref")) {
      schema = spec.at(schema.path("$ref").asText().substring(1));
    }
    return schema;
  }

  /** The types a schema allows: its {@code type} (a name or, in OpenAPI 3.1, a list of names). */
  private static List<String> types(JsonNode schema) {
    List<String> types = new ArrayList<>();
    if (schema.path("type").isArray()) {
      schema.path("type").forEach(t -> types.add(t.asText()));
    } else if (schema.has("type")) {
      types.add(schema.path("type").asText());
    }
    return types;
  }

  /**
   * A small validator of the OpenAPI 3.1 schema objects springdoc writes: type (one or a list, {@code "null"} among
   * them where null is served), properties, items, allOf, and {@code anyOf} a component or null.
   */
  private static void validate(JsonNode spec, JsonNode schema, JsonNode value, String at, List<String> errors) {
    schema = resolve(spec, schema);
    if (schema.has("anyOf")) {
      List<JsonNode> alternatives = new ArrayList<>();
      schema.path("anyOf").forEach(alternatives::add);
      boolean nullable = alternatives.stream().anyMatch(a -> types(a).contains("null"));
      if (value.isNull()) {
        if (!nullable) {
          errors.add(at + " is null but its schema does not allow null");
        }
        return;
      }
      JsonNode other = alternatives.stream().filter(a -> !types(a).equals(List.of("null"))).findFirst().orElseThrow();
      validate(spec, other, value, at, errors);
      return;
    }
    if (value.isNull()) {
      if (!types(schema).contains("null")) {
        errors.add(at + " is null but its schema does not allow null");
      }
      return;
    }
    if (schema.has("allOf")) {
      for (JsonNode part : schema.path("allOf")) {
        validateObject(spec, resolve(spec, part), value, at, errors, false);
      }
      List<String> known = new ArrayList<>();
      for (JsonNode part : schema.path("allOf")) {
        resolve(spec, part).path("properties").fieldNames().forEachRemaining(known::add);
      }
      value.fieldNames().forEachRemaining(f -> {
        if (!known.contains(f)) {
          errors.add(at + "." + f + " is not in the schema");
        }
      });
      return;
    }
    String type = types(schema).stream().filter(t -> !"null".equals(t)).findFirst().orElse("");
    switch (type) {
      case "array" -> {
        if (!value.isArray()) {
          errors.add(at + " should be an array");
          return;
        }
        for (JsonNode item : value) {
          validate(spec, schema.path("items"), item, at + "[]", errors);
        }
      }
      case "object" -> validateObject(spec, schema, value, at, errors, true);
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(at + " should be a string: " + value);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(at + " should be an integer: " + value);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(at + " should be a number: " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(at + " should be a boolean: " + value);
        }
      }
      default -> {
        if (schema.has("properties")) {
          validateObject(spec, schema, value, at, errors, true);
        }
      }
    }
  }

  private static void validateObject(JsonNode spec, JsonNode schema, JsonNode value, String at, List<String> errors,
      boolean closed) {
    if (!value.isObject()) {
      errors.add(at + " should be an object");
      return;
    }
    JsonNode properties = schema.path("properties");
    value.fieldNames().forEachRemaining(f -> {
      if (properties.has(f)) {
        validate(spec, properties.path(f), value.path(f), at + "." + f, errors);
      } else if (closed && !schema.has("additionalProperties")) {
        errors.add(at + "." + f + " is not in the schema");
      }
    });
  }
}
