package mx.cocreacion.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the variables a person or client submitted and collects every broken rule, so that one
 * refusal names all of them. Field paths are 1-based ({@code actors[1].email}), as in the contract.
 */
public final class TaskInput {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  public static final int MAX_EMAIL_LENGTH = 64;

  private final VariableScope variables;
  private final List<Violation> violations = new ArrayList<>();

  public TaskInput(VariableScope variables) {
    this.variables = variables;
  }

  public Object raw(String field) {
    return variables.getVariable(field);
  }

  /** The typed value (e.g. a File), or null. */
  public TypedValue typed(String field) {
    return variables.getVariableTyped(field);
  }

  public void reject(String field, String message) {
    violations.add(new Violation(field, message));
  }

  public boolean isValid() {
    return violations.isEmpty();
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Throws a {@link ValidationException} naming every violation, if any. */
  public void throwIfInvalid(String what) {
    if (!violations.isEmpty()) {
      throw new ValidationException(what, violations);
    }
  }

  // --- top-level variables ---------------------------------------------------------------

  /** A required non-blank text; null (and a violation) otherwise. */
  public String text(String field) {
    Object value = raw(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      reject(field, "es obligatorio y no puede estar vacío");
      return null;
    }
    if (!(value instanceof String s)) {
      reject(field, "debe ser texto");
      return null;
    }
    return s.trim();
  }

  public String optionalText(String field) {
    Object value = raw(field);
    return value instanceof String s && !s.isBlank() ? s.trim() : null;
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
  public Instant date(String field) {
    Object value = raw(field);
    if (value == null || (value instanceof String s && s.isBlank())) {
      reject(field, "es obligatoria (fecha)");
      return null;
    }
    return Dates.parse(value).orElseGet(() -> {
      reject(field, "no es una fecha válida (use AAAA-MM-DD)");
      return null;
    });
  }

  /** A required JSON array with at least {@code min} items; null (and a violation) otherwise. */
  public JsonNode list(String field, int min, String itemsName) {
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
    return node;
  }

  /** A required JSON value (Json variable, JSON text, or a Java list/map); null if missing. */
  public JsonNode json(String field) {
    Object value = raw(field);
    if (value == null) {
      reject(field, "es obligatorio");
      return null;
    }
    try {
      if (value instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (value instanceof String s) {
        return JSON.readTree(s);
      }
      if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        return JSON.valueToTree(value);
      }
    } catch (Exception e) {
      reject(field, "no es JSON válido");
      return null;
    }
    reject(field, "debe ser JSON");
    return null;
  }

  // --- fields of list items ----------------------------------------------------------------

  public String text(JsonNode item, String key, String path) {
    JsonNode value = item.get(key);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      reject(path + "." + key, "es obligatorio y no puede estar vacío");
      return null;
    }
    return value.asText().trim();
  }

  public String optionalText(JsonNode item, String key) {
    JsonNode value = item.get(key);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
  }

  public Instant date(JsonNode item, String key, String path) {
    String text = text(item, key, path);
    if (text == null) {
      return null;
    }
    return Dates.parse(text).orElseGet(() -> {
      reject(path + "." + key, "«" + text + "» no es una fecha válida (use AAAA-MM-DD)");
      return null;
    });
  }

  public String email(JsonNode item, String key, String path, boolean required) {
    String text = required ? text(item, key, path) : optionalText(item, key);
    if (text != null) {
      return checkEmail(path + "." + key, text);
    }
    return null;
  }

  public String email(String field) {
    String text = text(field);
    return text == null ? null : checkEmail(field, text);
  }

  private String checkEmail(String field, String text) {
    if (!EMAIL.matcher(text).matches()) {
      reject(field, "«" + text + "» no es un correo electrónico válido");
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
    String text = text(item, key, path);
    if (text != null && !allowed.contains(text)) {
      reject(path + "." + key, "«" + text + "» no es válido; valores permitidos: " + String.join(", ", allowed));
      return null;
    }
    return text;
  }

  public String oneOf(String field, List<String> allowed) {
    String text = text(field);
    if (text != null && !allowed.contains(text)) {
      reject(field, "«" + text + "» no es válido; valores permitidos: " + String.join(", ", allowed));
      return null;
    }
    return text;
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
