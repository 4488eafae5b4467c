package mx.cocreacion.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the variables a person or client submitted and collects every broken rule, so that one
 * refusal names all of them. Field paths are 1-based ({@code actors[1].email}), as in the contract.
 * Every text has a maximum length (the size of its column in the plan of record) and follows
 * {@link TextRules}; every list has a maximum number of items.
 */
public final class TaskInput {

  /** Names of people, organisations and places; the exercise's name. */
  public static final int NAME = 500;
  /** One-line texts of the plan: titles, products, indicators, targets, topics. */
  public static final int LINE = 1000;
  /** Long texts: rules, problems, comments, notes, justifications (also Camunda's limit for a String). */
  public static final int TEXT = 4000;
  /** The description of a commitment. */
  public static final int LONG_TEXT = 8000;
  /** A web address. */
  public static final int URL = 2000;
  /** A Json variable, as submitted (characters). */
  public static final int MAX_JSON = 1_000_000;
  public static final int MAX_EMAIL_LENGTH = 64;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  private final VariableScope variables;
  private final Map<String, Object> values;
  private final List<Violation> violations = new ArrayList<>();

  /** The input of a task's completion (its submitted variables, and the task it completes). */
  public TaskInput(DelegateTask task) {
    this.variables = task;
    this.values = null;
  }

  /** The input of a start or of a step without a task (the execution's variables). */
  public TaskInput(VariableScope variables) {
    this.variables = variables;
    this.values = null;
  }

  /** Values to check with a task's rules outside the engine (e.g. a CSV import before it is stored). */
  public TaskInput(Map<String, Object> values) {
    this.variables = null;
    this.values = Map.copyOf(values);
  }

  /** The task or execution whose variables these are; empty for values checked outside the engine. */
  public Optional<VariableScope> scope() {
    return Optional.ofNullable(variables);
  }

  public Optional<DelegateTask> task() {
    return variables instanceof DelegateTask task ? Optional.of(task) : Optional.empty();
  }

  public Object raw(String field) {
    return variables != null ? variables.getVariable(field) : values.get(field);
  }

  /** The typed value (e.g. a File), or null. */
  public TypedValue typed(String field) {
    return variables != null ? variables.getVariableTyped(field) : typedValue(values.get(field));
  }

  private TypedValue typed(String field, boolean deserialize) {
    return variables != null ? variables.getVariableTyped(field, deserialize) : typedValue(values.get(field));
  }

  private static TypedValue typedValue(Object value) {
    return value == null ? null : value instanceof TypedValue typed ? typed : Variables.untypedValue(value);
  }

  public void reject(String field, String message) {
    Violation violation = new Violation(field, message);
    if (!violations.contains(violation)) {
      violations.add(violation);
    }
  }

  public boolean isValid() {
    return violations.isEmpty();
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Throws a {@link ValidationException} naming every violation, if any. */
  public void throwIfInvalid(String what) {
    throwIfInvalid(what, Function.identity());
  }

  /** Throws a {@link ValidationException} naming every violation by its {@code label}, if any. */
  public void throwIfInvalid(String what, Function<String, String> label) {
    if (!violations.isEmpty()) {
      throw new ValidationException(what, violations, label);
    }
  }

  // --- top-level variables ---------------------------------------------------------------

  /** A required non-blank one-line text of at most {@code max} characters; null (and a violation) otherwise. */
  public String text(String field, int max) {
    Object value = raw(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      reject(field, "es obligatorio y no puede estar vacío");
      return null;
    }
    if (!(value instanceof String s)) {
      reject(field, "debe ser texto");
      return null;
    }
    return checked(field, s, max, max > LINE);
  }

  /** An optional text (null when missing or blank); a violation when it breaks a rule. */
  public String optionalText(String field, int max) {
    Object value = raw(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (!(value instanceof String s)) {
      reject(field, "debe ser texto");
      return null;
    }
    return checked(field, s, max, max > LINE);
  }

  public Boolean bool(String field) {
    Object value = raw(field);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    reject(field, value == null ? "es obligatorio (verdadero o falso)" : "debe ser verdadero o falso");
    return null;
  }

  /** A required date (Date value or ISO 8601 string). */
  /** A date the person may leave out: null when absent or blank (then nothing is refused). */
  public Instant optionalDate(String field) {
    Object value = raw(field);
    return value == null || (value instanceof String s && s.isBlank()) ? null : date(field);
  }

  public Instant date(String field) {
    Object value = raw(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      reject(field, "es obligatoria (fecha)");
      return null;
    }
    if (!(value instanceof Date) && !(value instanceof String)) {
      reject(field, "debe ser una fecha (AAAA-MM-DD)");
      return null;
    }
    return Dates.parse(value).orElseGet(() -> {
      reject(field, "no es una fecha válida (use AAAA-MM-DD)");
      return null;
    });
  }

  /**
   * A required JSON array with {@code min} to {@code max} items; null (and a violation) otherwise.
   */
  public JsonNode list(String field, int min, int max, String itemsName) {
    JsonNode node = json(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      reject(field, "debe ser una lista");
      return null;
    }
    if (node.size() < min) {
      reject(field, "debe tener al menos " + min + " " + itemsName);
      return null;
    }
    if (node.size() > max) {
      reject(field, "puede tener a lo más " + max + " elementos; tiene " + node.size());
      return null;
    }
    return node;
  }

  /**
   * A required JSON value: a Json variable (read as the text it was submitted, never deserialized by the
   * engine, so malformed JSON is a violation and not an error), JSON text, or a Java list or map.
   */
  public JsonNode json(String field) {
    TypedValue typed = typed(field, false);
    boolean serialized = typed instanceof SerializableValue s && !s.isDeserialized();
    // A serialized value's getValue() would parse it: read its text instead.
    Object value = typed == null || serialized ? null : typed.getValue();
    String text = null;
    if (serialized) {
      text = ((SerializableValue) typed).getValueSerialized();
    } else if (value instanceof SpinJsonNode spin) {
      text = spin.toString();
    } else if (value instanceof String s) {
      text = s;
    }
    if (text == null && value == null) {
      reject(field, "es obligatorio");
      return null;
    }
    try {
      if (text != null) {
        if (text.length() > MAX_JSON) {
          reject(field, "es demasiado grande (más de " + MAX_JSON + " caracteres)");
          return null;
        }
        JsonNode node = JSON.readTree(text);
        if (node == null || node.isMissingNode()) {
          reject(field, "no es JSON válido");
          return null;
        }
        return node;
      }
      if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        return JSON.valueToTree(value);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      reject(field, "no es JSON válido");
      return null;
    }
    reject(field, "debe ser JSON");
    return null;
  }

  // --- fields of list items ----------------------------------------------------------------

  /** A required text of a list item, at most {@code max} characters. */
  public String text(JsonNode item, String key, String path, int max) {
    JsonNode value = item.get(key);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      reject(path + "." + key, "es obligatorio y no puede estar vacío");
      return null;
    }
    return checked(path + "." + key, value.asText(), max, max > LINE);
  }

  /** An optional text of a list item (null when missing or blank), at most {@code max} characters. */
  public String optionalText(JsonNode item, String key, String path, int max) {
    JsonNode value = item.get(key);
    if (value == null || value.isNull() || (value.isValueNode() && value.asText().isBlank())) {
      return null;
    }
    if (!value.isValueNode()) {
      reject(path + "." + key, "debe ser texto");
      return null;
    }
    return checked(path + "." + key, value.asText(), max, max > LINE);
  }

  public Instant date(JsonNode item, String key, String path) {
    String text = text(item, key, path, 40);
    if (text == null) {
      return null;
    }
    return Dates.parse(text).orElseGet(() -> {
      reject(path + "." + key, "«" + TextRules.excerpt(text) + "» no es una fecha válida (use AAAA-MM-DD)");
      return null;
    });
  }

  public String email(JsonNode item, String key, String path, boolean required) {
    String text = required ? text(item, key, path, 254) : optionalText(item, key, path, 254);
    if (text != null) {
      return checkEmail(path + "." + key, text);
    }
    return null;
  }

  public String email(String field) {
    String text = text(field, 254);
    return text == null ? null : checkEmail(field, text);
  }

  private String checkEmail(String field, String text) {
    if (!EMAIL.matcher(text).matches()) {
      reject(field, "«" + TextRules.excerpt(text) + "» no es un correo electrónico válido");
      return null;
    }
    if (text.length() > MAX_EMAIL_LENGTH) {
      reject(field, "el correo no puede tener más de " + MAX_EMAIL_LENGTH + " caracteres");
      return null;
    }
    return text.toLowerCase();
  }

  /** A value that must be one of {@code allowed}; the message lists them. */
  public String oneOf(JsonNode item, String key, String path, List<String> allowed) {
    String text = text(item, key, path, 100);
    if (text != null && !allowed.contains(text)) {
      reject(path + "." + key, "«" + TextRules.excerpt(text) + "» no es válido; valores permitidos: "
          + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  public String oneOf(String field, List<String> allowed) {
    String text = text(field, 100);
    if (text != null && !allowed.contains(text)) {
      reject(field, "«" + TextRules.excerpt(text) + "» no es válido; valores permitidos: " + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  /** The trimmed text, or null with a violation when it is too long or has characters that are not allowed. */
  private String checked(String field, String text, int max, boolean multiline) {
    String trimmed = text.trim();
    if (trimmed.length() > max) {
      reject(field, "puede tener a lo más " + max + " caracteres; tiene " + trimmed.length());
      return null;
    }
    Optional<String> problem = TextRules.problem(trimmed, multiline);
    if (problem.isPresent()) {
      reject(field, problem.get());
      return null;
    }
    return trimmed;
  }

  /** Item {@code index} (0-based) of list {@code field} as a path, 1-based: {@code actors[1]}. */
  public static String path(String field, int index) {
    return field + "[" + (index + 1) + "]";
  }

  public static Date toDate(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static ObjectMapper mapper() {
    return JSON;
  }
}
