package mx.cocreacion.microsite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.completion.TaskInput;
import mx.cocreacion.completion.Violation;
import mx.cocreacion.worktables.WorkingTablesProcess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The open-data CSV of commitments, written by the export and read back by the import into
 * consolidate-commitments, so both use the same columns ({@link #COLUMNS}).
 *
 * <p>Flat layout: one row per activity; the commitment's columns are repeated on each of its rows
 * and {@code commitment} (its 1-based number) groups the rows back into commitments. A commitment
 * without activities has one row with empty activity columns. {@code sdgs} joins the ODS numbers
 * with {@code |} ("10|16"); the eight {@code criteria_*} columns are {@code true}/{@code false};
 * {@code dueDate} is {@code yyyy-MM-dd}. UTF-8, comma-separated, RFC 4180 quoting, header row.
 *
 * <p>On import the columns {@code approved}, {@code progress}, {@code starred}, {@code activity},
 * {@code status} and any unknown column are ignored; a missing {@code commitment} number groups rows
 * by title. Booleans accept true/false, sí/no, 1/0, x/empty.
 */
public final class CommitmentCsv {

  public static final String CRITERION_PREFIX = "criteria_";

  /** The columns, in order. */
  public static final List<String> COLUMNS;

  static {
    List<String> columns = new ArrayList<>(List.of("commitment", "title", "problem", "description", "responsible",
        "sdgs"));
    WorkingTablesProcess.CRITERIA.forEach(c -> columns.add(CRITERION_PREFIX + c));
    columns.addAll(List.of("approved", "progress", "starred", "activity", "activity_title", "product", "indicator",
        "baseline", "target", "dueDate", "status"));
    COLUMNS = List.copyOf(columns);
  }

  /** Columns that an import needs in its header row. */
  static final List<String> REQUIRED = List.of("title", "product", "indicator", "target", "dueDate");

  /** The columns of the exercises CSV (the fields of {@link PublicExercise}). */
  public static final List<String> EXERCISE_COLUMNS = List.of("tenant", "entityName", "year", "businessKey", "name",
      "guarantorBody", "currentStep", "finished", "startedAt", "endedAt", "palStart", "palEnd", "launchDate",
      "launchPlace", "commitments", "palProgress", "starredCommitments", "overdueTasks");

  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private CommitmentCsv() {}

  // --- export ------------------------------------------------------------------------------

  /** The commitments as CSV text (header row, one row per activity). */
  public static String write(List<PublicCommitment> commitments) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, WRITE)) {
      csv.printRecord(COLUMNS);
      for (PublicCommitment c : commitments) {
        List<PublicCommitment.Activity> activities = c.activities() == null || c.activities().isEmpty()
            ? Collections.singletonList(null) : c.activities();
        for (PublicCommitment.Activity a : activities) {
          List<Object> row = new ArrayList<>();
          row.add(c.position());
          row.add(c.title());
          row.add(c.problem());
          row.add(c.description());
          row.add(c.responsible());
          row.add(c.sdgs() == null ? "" : c.sdgs().stream().map(String::valueOf).collect(Collectors.joining("|")));
          for (String criterion : WorkingTablesProcess.CRITERIA) {
            row.add(c.criteria() != null && Boolean.TRUE.equals(c.criteria().get(criterion)));
          }
          row.add(c.approved());
          row.add(c.progress());
          row.add(c.starred());
          if (a == null) {
            for (int i = 0; i < 7; i++) {
              row.add("");
            }
          } else {
            row.add(a.position());
            row.add(a.title());
            row.add(a.product());
            row.add(a.indicator());
            row.add(a.baseline());
            row.add(a.target());
            row.add(a.dueDate() == null ? "" : a.dueDate().toString());
            row.add(a.status());
          }
          csv.printRecord(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The exercises as CSV text (header row, one row per exercise; dates ISO 8601). */
  public static String writeExercises(List<PublicExercise> exercises) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, WRITE)) {
      csv.printRecord(EXERCISE_COLUMNS);
      for (PublicExercise e : exercises) {
        csv.printRecord(e.tenant(), e.entityName(), e.year(), e.businessKey(), e.name(), e.guarantorBody(),
            e.currentStep(), e.finished(), iso(e.startedAt()), iso(e.endedAt()), iso(e.palStart()), iso(e.palEnd()),
            iso(e.launchDate()), e.launchPlace(), e.commitments(), e.palProgress(), e.starredCommitments(),
            e.overdueTasks());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String iso(Object value) {
    return value == null ? "" : value instanceof Instant i ? i.toString() : value.toString();
  }

  // --- import ------------------------------------------------------------------------------

  /**
   * The result of reading a CSV: the {@code commitments} Json of the contract (not yet checked
   * against the task's rules) and the violations of the CSV itself (field {@code fila N.columna}).
   */
  public record Parsed(ArrayNode commitments, List<Violation> violations) {

    public boolean isValid() {
      return violations.isEmpty();
    }
  }

  /** Reads CSV text in the export's columns into the contract's {@code commitments} Json. */
  public static Parsed read(String text) {
    List<Violation> violations = new ArrayList<>();
    ArrayNode list = TaskInput.mapper().createArrayNode();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      violations.add(new Violation("csv", "el archivo está vacío; debe tener una fila de encabezados y al menos una fila"));
      return new Parsed(list, violations);
    }
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter(text))
        .setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .setAllowDuplicateHeaderNames(false)
        .setTrim(true)
        .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      for (String column : REQUIRED) {
        if (!header.containsKey(column)) {
          violations.add(new Violation("csv", "falta la columna «" + column + "» en la fila de encabezados"));
        }
      }
      if (!violations.isEmpty()) {
        return new Parsed(list, violations);
      }
      Map<String, ObjectNode> byKey = new LinkedHashMap<>();
      for (CSVRecord record : parser) {
        long row = record.getRecordNumber() + 1; // the header is row 1
        if (isBlank(record)) {
          continue;
        }
        String number = get(record, "commitment");
        String title = get(record, "title");
        String key;
        if (!number.isEmpty()) {
          if (!number.matches("\\d{1,4}")) {
            violations.add(new Violation("fila " + row + ".commitment", "«" + number + "» no es un número de compromiso"));
            continue;
          }
          key = "#" + Integer.parseInt(number);
        } else {
          key = "t:" + title;
        }
        ObjectNode commitment = byKey.get(key);
        if (commitment == null) {
          commitment = list.addObject();
          byKey.put(key, commitment);
          commitment.put("title", title);
          commitment.put("problem", get(record, "problem"));
          commitment.put("description", get(record, "description"));
          commitment.put("responsible", get(record, "responsible"));
          ArrayNode sdgs = commitment.putArray("sdgs");
          for (String sdg : get(record, "sdgs").split("[|,;\\s]+")) {
            if (!sdg.isBlank()) {
              sdgs.add(sdg.trim());
            }
          }
          ObjectNode criteria = commitment.putObject("criteria");
          for (String criterion : WorkingTablesProcess.CRITERIA) {
            String column = CRITERION_PREFIX + criterion;
            String value = get(record, column);
            Boolean flag = bool(value);
            if (flag == null) {
              violations.add(new Violation("fila " + row + "." + column,
                  "«" + value + "» debe ser verdadero o falso (true/false, sí/no)"));
            } else {
              criteria.put(criterion, flag);
            }
          }
          commitment.putArray("activities");
        }
        if (hasActivity(record)) {
          ObjectNode activity = ((ArrayNode) commitment.get("activities")).addObject();
          activity.put("title", get(record, "activity_title"));
          activity.put("product", get(record, "product"));
          activity.put("indicator", get(record, "indicator"));
          activity.put("baseline", get(record, "baseline"));
          activity.put("target", get(record, "target"));
          activity.put("dueDate", get(record, "dueDate"));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      violations.add(new Violation("csv", "no es un CSV válido: " + e.getMessage()));
    }
    if (violations.isEmpty() && list.isEmpty()) {
      violations.add(new Violation("csv", "no tiene ninguna fila de compromisos"));
    }
    return new Parsed(list, violations);
  }

  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
  }

  private static String get(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return "";
    }
    String value = record.get(column);
    return value == null ? "" : value.trim();
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (value != null && !value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasActivity(CSVRecord record) {
    for (String column : List.of("activity_title", "product", "indicator", "baseline", "target", "dueDate")) {
      if (!get(record, column).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** true/false, sí/no, 1/0, x/empty (empty = false); null when not a boolean. */
  static Boolean bool(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "", "false", "no", "0", "falso", "f", "n" -> false;
      case "true", "sí", "si", "1", "x", "verdadero", "v", "t", "s", "y", "yes" -> true;
      default -> null;
    };
  }

  /** A {@link TaskInput} over one variable, to check it with the task's rules outside the engine. */
  static TaskInput input(String field, Object value) {
    Map<String, Object> values = new HashMap<>();
    values.put(field, value);
    return new TaskInput(scope(values));
  }

  /** A read-only variable scope over {@code values}: what {@link TaskInput} needs to check them. */
  private static VariableScope scope(Map<String, Object> values) {
    return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
        new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getVariable", "getVariableLocal" -> values.get((String) args[0]);
          case "getVariableTyped", "getVariableLocalTyped" -> null;
          case "hasVariable", "hasVariableLocal" -> values.containsKey((String) args[0]);
          case "getVariableNames", "getVariableNamesLocal" -> values.keySet();
          case "toString" -> "CsvVariables" + values.keySet();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
