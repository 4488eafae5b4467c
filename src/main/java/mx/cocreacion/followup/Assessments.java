package mx.cocreacion.followup;

import static mx.cocreacion.validation.TaskInput.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.validation.TaskInput;

/** Reads INAI's lists (monitoring, evaluation): exactly one entry per approved commitment. */
final class Assessments {

  private Assessments() {}

  /** The entries by commitment position, or an empty map when the list breaks a rule. */
  static Map<Integer, JsonNode> onePerCommitment(TaskInput input, String field, List<Integer> positions) {
    Map<Integer, JsonNode> entries = new LinkedHashMap<>();
    JsonNode rows = input.list(field, 1, positions.size() + 10, "entrada por compromiso");
    if (rows == null) {
      return entries;
    }
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = path(field, i);
      if (!row.isObject()) {
        input.reject(at, "debe ser una entrada por compromiso (objeto)");
        continue;
      }
      String commitment = input.text(row, "commitment", at, 10);
      if (commitment == null) {
        continue;
      }
      if (!commitment.matches("\\d+") || !positions.contains(Integer.parseInt(commitment))) {
        input.reject(at + ".commitment", "«" + commitment + "» no es un compromiso del PAL (1 a " + positions.size() + ")");
      } else if (entries.containsKey(Integer.parseInt(commitment))) {
        input.reject(at + ".commitment", "el compromiso " + commitment + " aparece más de una vez");
      } else {
        entries.put(Integer.parseInt(commitment), row);
      }
    }
    List<Integer> missing = new ArrayList<>(positions);
    missing.removeAll(entries.keySet());
    if (!missing.isEmpty()) {
      input.reject(field, "debe tener exactamente una entrada por compromiso; faltan: " + missing);
    }
    return input.isValid() ? entries : Map.of();
  }

  static Boolean requiredBoolean(TaskInput input, JsonNode row, String key, String at) {
    JsonNode value = row.get(key);
    if (value == null || !value.isBoolean()) {
      input.reject(at + "." + key, "es obligatorio (verdadero o falso)");
      return null;
    }
    return value.asBoolean();
  }
}
