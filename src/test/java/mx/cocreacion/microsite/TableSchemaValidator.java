package mx.cocreacion.microsite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks a CSV against a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/), the part the
 * product's schemas use: the header is the fields' names in order; the missing values; the types string, integer,
 * number, boolean (trueValues / falseValues), date (default format, YYYY-MM-DD) and datetime (format any: ISO 8601);
 * the constraints required, unique, enum, minimum, maximum and pattern (matching the whole value). No validator of
 * the specification is served to this build (frictionless-py, tableschema-java), so this one is written after the
 * specification's text; its own test shows it finds what breaks each rule.
 */
final class TableSchemaValidator {

  private TableSchemaValidator() {}

  /** The errors of {@code csv} against {@code schema}, as «row N, column: what» (row 1 is the header). */
  static List<String> errors(String csv, JsonNode schema) {
    List<String> errors = new ArrayList<>();
    List<JsonNode> fields = new ArrayList<>();
    schema.path("fields").forEach(fields::add);
    Set<String> missing = new HashSet<>();
    schema.path("missingValues").forEach(m -> missing.add(m.asText()));
    if (!schema.has("missingValues")) {
      missing.add("");
    }
    List<Set<String>> seen = new ArrayList<>();
    fields.forEach(f -> seen.add(new HashSet<>()));
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
      int row = 0;
      for (CSVRecord record : parser) {
        row++;
        if (row == 1) {
          List<String> names = fields.stream().map(f -> f.path("name").asText()).toList();
          if (!record.toList().equals(names)) {
            errors.add("row 1: header " + record.toList() + " is not the schema's fields " + names);
          }
          continue;
        }
        if (record.size() != fields.size()) {
          errors.add("row " + row + ": " + record.size() + " cells for " + fields.size() + " fields");
          continue;
        }
        for (int i = 0; i < fields.size(); i++) {
          String error = cell(record.get(i), fields.get(i), missing, seen.get(i));
          if (error != null) {
            errors.add("row " + row + ", " + fields.get(i).path("name").asText() + ": " + error);
          }
        }
      }
      if (row == 0) {
        errors.add("no header row");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return errors;
  }

  private static String cell(String value, JsonNode field, Set<String> missing, Set<String> seen) {
    JsonNode constraints = field.path("constraints");
    if (missing.contains(value)) {
      return constraints.path("required").asBoolean(false) ? "required, but missing" : null;
    }
    String type = field.path("type").asText("string");
    Object typed;
    try {
      typed = switch (type) {
        case "string" -> value;
        case "integer" -> Long.parseLong(value);
        case "number" -> Double.parseDouble(value);
        case "boolean" -> bool(value, field);
        case "date" -> LocalDate.parse(value);
        case "datetime" -> Instant.parse(value);
        default -> throw new IllegalArgumentException("type " + type + " is not checked here");
      };
    } catch (RuntimeException e) {
      return "«" + value + "» is not of type " + type;
    }
    if (constraints.has("enum")) {
      boolean listed = false;
      for (JsonNode allowed : constraints.path("enum")) {
        listed |= allowed.asText().equals(value);
      }
      if (!listed) {
        return "«" + value + "» is not one of " + constraints.path("enum");
      }
    }
    if (constraints.has("minimum") && typed instanceof Number n && n.doubleValue() < constraints.path("minimum").asDouble()) {
      return value + " < minimum " + constraints.path("minimum");
    }
    if (constraints.has("maximum") && typed instanceof Number n && n.doubleValue() > constraints.path("maximum").asDouble()) {
      return value + " > maximum " + constraints.path("maximum");
    }
    if (constraints.has("pattern") && !value.matches(constraints.path("pattern").asText())) {
      return "«" + value + "» does not match " + constraints.path("pattern").asText();
    }
    if (constraints.path("unique").asBoolean(false) && !seen.add(value)) {
      return "«" + value + "» repeats (unique)";
    }
    return null;
  }

  private static Boolean bool(String value, JsonNode field) {
    for (JsonNode t : field.path("trueValues")) {
      if (t.asText().equals(value)) {
        return true;
      }
    }
    for (JsonNode f : field.path("falseValues")) {
      if (f.asText().equals(value)) {
        return false;
      }
    }
    throw new IllegalArgumentException("not a boolean");
  }
}
