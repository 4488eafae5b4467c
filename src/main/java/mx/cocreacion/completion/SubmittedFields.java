package mx.cocreacion.completion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mx.cocreacion.security.CommandFields;
import mx.cocreacion.validation.EvidenceFiles;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.TextRules;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A completion carries only its task's fields: the variables of the command that completes the task
 * (engine REST {@code complete} and {@code submit-form}, Tasklist, the Java API) are checked against
 * the fields the task declares ({@link TaskCompletion#fields()}) before any rule of the task: an unknown
 * name, a type the contract does not use (Object, Bytes, Xml, ...), a text over Camunda's limit of
 * 4,000 characters, a Json over 1,000,000 characters or with characters {@link TextRules} refuses
 * anywhere inside it: each is a violation that names the field, and nothing is stored.
 */
public final class SubmittedFields {

  /** The value types of the contract (Camunda REST names). */
  static final Set<String> TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date", "json",
      "file", "null");
  static final int MAX_FILE = EvidenceFiles.MAX_BYTES;

  private SubmittedFields() {}

  /** The variables submitted with the completion now running, its local fields included (empty if it carries none). */
  public static Map<String, Object> current() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    Command<?> command = invocation == null ? null : invocation.getCommand();
    Object variables = command == null ? null : LocalFields.submitted(command);
    if (variables != null) {
      // the local fields were moved to the task before the command ran; the check sees all that was sent
    } else if (command != null && command.getClass() == CompleteTaskCmd.class) {
      variables = CommandFields.read(command, "variables");
    } else if (command != null && command.getClass() == SubmitTaskFormCmd.class) {
      variables = CommandFields.read(command, "properties");
    } else {
      throw new IllegalStateException("A task is completed by an unexpected command: " + command);
    }
    if (variables == null) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) variables;
    return map;
  }

  /** Reports into {@code input} every submitted variable that is not a field of the task or breaks a general rule. */
  public static void check(TaskInput input, Map<String, Object> submitted, Set<String> fields, String taskName) {
    for (String name : submitted.keySet()) {
      if (!fields.contains(name)) {
        input.reject(name, "no es un campo de la tarea «" + taskName + "»; la tarea acepta: "
            + String.join(", ", new TreeSet<>(fields)));
        continue;
      }
      // A VariableMap hands out plain values (a file's stream); its typed value says what was sent.
      value(input, name, submitted instanceof VariableMap typed ? typed.getValueTyped(name) : submitted.get(name));
    }
  }

  private static void value(TaskInput input, String name, Object value) {
    if (value instanceof TypedValue typed) {
      String type = typed.getType() == null ? null : typed.getType().getName();
      if (type != null && !TYPES.contains(type)) {
        input.reject(name, "tiene un tipo de dato que la tarea no acepta (" + type + ")");
        return;
      }
      if (typed instanceof FileValue) {
        return; // size and kind: EvidenceFiles, where the task accepts a file
      }
      if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
        json(input, name, serializable.getValueSerialized());
        return;
      }
      value = typed.getValue();
    }
    if (value == null || value instanceof Boolean || value instanceof Number || value instanceof Date) {
      return;
    }
    if (value instanceof String text) {
      if (text.length() > TaskInput.TEXT) {
        input.reject(name, "puede tener a lo más " + TaskInput.TEXT + " caracteres; tiene " + text.length());
      } else {
        TextRules.problem(text, true).ifPresent(problem -> input.reject(name, problem));
      }
      return;
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      strings(input, name, TaskInput.mapper().valueToTree(value));
      return;
    }
    if (value.getClass().getName().startsWith("org.camunda.spin.")) {
      json(input, name, value.toString());
      return;
    }
    input.reject(name, "tiene un tipo de dato que la tarea no acepta (" + value.getClass().getSimpleName() + ")");
  }

  private static void json(TaskInput input, String name, String text) {
    if (text == null) {
      return;
    }
    if (text.length() > TaskInput.MAX_JSON) {
      input.reject(name, "es demasiado grande (más de " + TaskInput.MAX_JSON + " caracteres)");
      return;
    }
    try {
      JsonNode node = TaskInput.mapper().readTree(text);
      if (node == null || node.isMissingNode()) {
        input.reject(name, "no es JSON válido");
        return;
      }
      strings(input, name, node);
    } catch (JsonProcessingException e) {
      input.reject(name, "no es JSON válido");
    }
  }

  /** Every text inside the JSON (values and keys) follows {@link TextRules}; the violation names its path. */
  private static void strings(TaskInput input, String path, JsonNode node) {
    if (node.isTextual()) {
      TextRules.problem(node.asText(), true).ifPresent(problem -> input.reject(path, problem));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        strings(input, TaskInput.path(path, i), node.get(i));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String at = path + "." + field.getKey();
        TextRules.problem(field.getKey(), false).ifPresent(problem -> input.reject(at, "el nombre " + problem));
        strings(input, at, field.getValue());
      }
    }
  }
}
