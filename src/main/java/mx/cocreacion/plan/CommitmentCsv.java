package mx.cocreacion.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.TextRules;
import mx.cocreacion.validation.Violation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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
 * <p>On import the columns {@code approved}, {@code progress}, {@code starred}, {@code activity} and
 * {@code status} are ignored, {@code tenant}, {@code year} and {@code businessKey} must be the task's
 * exercise, and any other column is refused; a missing {@code commitment} number groups rows by title.
 * Booleans accept true/false, sí/no, 1/0, x/empty. Text cells that begin like a formula are written
 * with a leading {@code '} (CSV injection) and read back without it.
 */
public final class CommitmentCsv {

  public static final String CRITERION_PREFIX = "criteria_";

  /** The columns, in order. */
  public static final List<String> COLUMNS;

  static {
    List<String> columns = new ArrayList<>(List.of("commitment", "title", "problem", "description", "responsible",
        "sdgs"));
    Commitment.CRITERIA.forEach(c -> columns.add(CRITERION_PREFIX + c));
    columns.addAll(List.of("approved", "progress", "starred", "activity", "activity_title", "product", "indicator",
        "baseline", "target", "dueDate", "status"));
    COLUMNS = List.copyOf(columns);
  }

  /** The columns an import reads into the commitments. */
  static final List<String> IMPORTED;
  /** Columns the export computes; the import ignores them. */
  static final List<String> EXPORT_ONLY = List.of("approved", "progress", "starred", "activity", "status");
  /** Columns that name the exercise of a row; on import they must be the task's own. */
  static final List<String> IDENTITY = List.of("tenant", "year", "businessKey");
  /** At most this many rows in an import (50 commitments of up to 50 activities). */
  static final int MAX_ROWS = Commitments.MAX_COMMITMENTS * Commitments.MAX_ACTIVITIES;

  static {
    List<String> imported = new ArrayList<>(COLUMNS);
    imported.removeAll(EXPORT_ONLY);
    IMPORTED = List.copyOf(imported);
  }

  /** Columns that an import needs in its header row. */
  static final List<String> REQUIRED = List.of("title", "product", "indicator", "target", "dueDate");

  /** First characters that make a spreadsheet read a cell as a formula, and the prefix that stops it. */
  static final String FORMULA_STARTS = "=+-@\t\r";
  static final char NEUTRALISER = '\'';

  /** How the open-data CSVs are written: RFC 4180, CRLF line ends (each cell through {@link #cell}). */
  public static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

  private CommitmentCsv() {}

  // --- export ------------------------------------------------------------------------------

  /** The commitments as CSV text (header row, one row per activity). */
  public static String write(List<CommitmentView> commitments) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, WRITE)) {
      csv.printRecord(COLUMNS);
      for (CommitmentView c : commitments) {
        List<Commitment.Activity> activities = c.activities() == null || c.activities().isEmpty()
            ? Collections.singletonList(null) : c.activities();
        for (Commitment.Activity a : activities) {
          csv.printRecord(cells(c, a).stream().map(CommitmentCsv::cell).toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The values of one row, in {@link #COLUMNS}' order: the commitment's columns and those of {@code a}, or empty
   * activity columns when {@code a} is null (the one row of a commitment without activities). Not yet through
   * {@link #cell}; the national file (microsite.NationalFiles) adds its own columns around them.
   */
  public static List<Object> cells(CommitmentView c, Commitment.Activity a) {
    List<Object> row = new ArrayList<>();
    row.add(c.position());
    row.add(c.title());
    row.add(c.problem());
    row.add(c.description());
    row.add(c.responsible());
    row.add(c.sdgs() == null ? "" : c.sdgs().stream().map(String::valueOf).collect(Collectors.joining("|")));
    for (String criterion : Commitment.CRITERIA) {
      row.add(c.criteria() != null && Boolean.TRUE.equals(c.criteria().get(criterion)));
    }
    row.add(c.approved());
    row.add(c.progress());
    row.add(c.starred());
    if (a == null) {
      while (row.size() < COLUMNS.size()) {
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
    return row;
  }

  /**
   * A cell as a spreadsheet may open it safely (OWASP, CSV injection): a text that begins with {@code =},
   * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, so no program
   * takes it for a formula. Numbers and booleans are written as they are. The import removes the prefix.
   */
  public static Object cell(Object value) {
    if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      return NEUTRALISER + text;
    }
    return value;
  }

  /** The text of a cell as the export had it before {@link #cell} (the import's way back). */
  static String uncell(String text) {
    if (text.length() > 1 && text.charAt(0) == NEUTRALISER && FORMULA_STARTS.indexOf(text.charAt(1)) >= 0) {
      return text.substring(1);
    }
    return text;
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

  /**
   * Reads CSV text in the export's columns into the contract's {@code commitments} Json. The columns the
   * export computes ({@link #EXPORT_ONLY}) are ignored; the columns that say whose exercise a row is
   * ({@link #IDENTITY}: {@code tenant}, {@code year}, {@code businessKey}), when present and filled, must be
   * those of {@code exercise}, the task's own; any other column is refused. A cell the export neutralised
   * ({@link #cell}) is read without its prefix. At most {@link #MAX_ROWS} rows.
   */
  public static Parsed read(String text, Map<String, String> exercise) {
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
      for (String column : header.keySet()) {
        if (column != null && !column.isBlank() && !IMPORTED.contains(column) && !EXPORT_ONLY.contains(column)
            && !IDENTITY.contains(column)) {
          violations.add(new Violation("csv", "la columna «" + TextRules.excerpt(column)
              + "» no es del CSV de compromisos; columnas: " + String.join(", ", COLUMNS)));
        }
      }
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
        if (record.getRecordNumber() > MAX_ROWS) {
          violations.add(new Violation("csv", "tiene más de " + MAX_ROWS + " filas (" + Commitments.MAX_COMMITMENTS
              + " compromisos de hasta " + Commitments.MAX_ACTIVITIES + " actividades)"));
          break;
        }
        for (String column : IDENTITY) {
          String value = get(record, column);
          if (!value.isEmpty() && !value.equals(exercise.get(column))) {
            violations.add(new Violation("fila " + row + "." + column, "«" + TextRules.excerpt(value)
                + "» no es el ejercicio de esta tarea (" + exercise.get(column) + ")"));
          }
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
          for (String criterion : Commitment.CRITERIA) {
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
    return value == null ? "" : uncell(value.trim());
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
  public static TaskInput input(String field, Object value) {
    return new TaskInput(Map.of(field, value));
  }
}
