package mx.cocreacion.plan;

import static mx.cocreacion.validation.TaskInput.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;

/**
 * Reads the {@code commitments} Json of the contract: checks its rules and turns it into
 * {@link Commitment}s. Accepts what Tasklist forms send (numbers as text, criteria as a list of
 * keys) and what REST clients send (numbers, criteria as an object of booleans).
 */
public final class Commitments {

  /** At most this many commitments in a plan, and activities in a commitment. */
  public static final int MAX_COMMITMENTS = 50;
  public static final int MAX_ACTIVITIES = 50;

  private Commitments() {}

  /** Checks every rule, reporting into {@code input}; returns the commitments when all are valid. */
  public static List<Commitment> read(TaskInput input, String field) {
    JsonNode list = input.list(field, 1, MAX_COMMITMENTS, "compromiso");
    if (list == null) {
      return List.of();
    }
    List<Commitment> commitments = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String at = path(field, i);
      if (!c.isObject()) {
        input.reject(at, "debe ser un compromiso (objeto)");
        continue;
      }
      String title = input.text(c, "title", at, TaskInput.LINE);
      List<Integer> sdgs = sdgs(input, c.get("sdgs"), at + ".sdgs");
      Map<String, Boolean> criteria = criteria(input, c.get("criteria"), at + ".criteria");
      List<Commitment.Activity> activities = activities(input, c.get("activities"), at + ".activities");
      commitments.add(new Commitment(i + 1, title, input.optionalText(c, "problem", at, TaskInput.TEXT),
          input.optionalText(c, "description", at, TaskInput.LONG_TEXT),
          input.optionalText(c, "responsible", at, TaskInput.LINE), sdgs, criteria, activities));
    }
    return input.isValid() ? commitments : List.of();
  }

  private static List<Integer> sdgs(TaskInput input, JsonNode node, String at) {
    List<Integer> sdgs = new ArrayList<>();
    if (node == null || node.isNull()) {
      return sdgs;
    }
    if (!node.isArray()) {
      input.reject(at, "debe ser una lista de números de ODS (1 a 17)");
      return sdgs;
    }
    for (JsonNode sdg : node) {
      String text = sdg.asText().trim();
      if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 17) {
        input.reject(at, "«" + text + "» no es un ODS; los ODS van del 1 al 17");
      } else if (!sdgs.contains(Integer.parseInt(text))) {
        sdgs.add(Integer.parseInt(text));
      }
    }
    sdgs.sort(Integer::compare);
    return sdgs;
  }

  private static Map<String, Boolean> criteria(TaskInput input, JsonNode node, String at) {
    Map<String, Boolean> criteria = new LinkedHashMap<>();
    Commitment.CRITERIA.forEach(key -> criteria.put(key, false));
    if (node == null || node.isNull()) {
      return criteria;
    }
    if (node.isArray()) {
      for (JsonNode key : node) {
        if (!criteria.containsKey(key.asText())) {
          input.reject(at, "«" + key.asText() + "» no es un criterio; valores permitidos: "
              + String.join(", ", Commitment.CRITERIA));
        } else {
          criteria.put(key.asText(), true);
        }
      }
    } else if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        var entry = it.next();
        if (!criteria.containsKey(entry.getKey())) {
          input.reject(at + "." + entry.getKey(), "no es un criterio; valores permitidos: "
              + String.join(", ", Commitment.CRITERIA));
        } else if (!entry.getValue().isBoolean() && !entry.getValue().isNull()) {
          input.reject(at + "." + entry.getKey(), "debe ser verdadero o falso");
        } else {
          criteria.put(entry.getKey(), entry.getValue().asBoolean(false));
        }
      }
    } else {
      input.reject(at, "debe ser un objeto con los 8 criterios de calidad");
    }
    return criteria;
  }

  private static List<Commitment.Activity> activities(TaskInput input, JsonNode node, String at) {
    List<Commitment.Activity> activities = new ArrayList<>();
    if (node == null || !node.isArray() || node.isEmpty()) {
      input.reject(at, "cada compromiso debe tener al menos una actividad");
      return activities;
    }
    if (node.size() > MAX_ACTIVITIES) {
      input.reject(at, "un compromiso puede tener a lo más " + MAX_ACTIVITIES + " actividades; tiene " + node.size());
      return activities;
    }
    for (int j = 0; j < node.size(); j++) {
      JsonNode a = node.get(j);
      String aAt = at + "[" + (j + 1) + "]";
      if (!a.isObject()) {
        input.reject(aAt, "debe ser una actividad (objeto)");
        continue;
      }
      String product = input.text(a, "product", aAt, TaskInput.LINE);
      String indicator = input.text(a, "indicator", aAt, TaskInput.LINE);
      String target = input.text(a, "target", aAt, TaskInput.LINE);
      var due = input.date(a, "dueDate", aAt);
      activities.add(new Commitment.Activity(j + 1, input.optionalText(a, "title", aAt, TaskInput.LINE), product,
          indicator, input.optionalText(a, "baseline", aAt, TaskInput.LINE), target,
          due == null ? null : Dates.localDate(due), "not-started"));
    }
    return activities;
  }

  /** The canonical Json of the contract for a list of commitments (what later steps read). */
  public static ArrayNode toJson(List<Commitment> commitments) {
    ArrayNode list = TaskInput.mapper().createArrayNode();
    for (Commitment c : commitments) {
      ObjectNode node = list.addObject();
      node.put("title", c.title());
      node.put("problem", c.problem());
      node.put("description", c.description());
      node.put("responsible", c.responsible());
      ArrayNode sdgs = node.putArray("sdgs");
      c.sdgs().forEach(sdgs::add);
      ObjectNode criteria = node.putObject("criteria");
      c.criteria().forEach(criteria::put);
      ArrayNode activities = node.putArray("activities");
      for (Commitment.Activity a : c.activities()) {
        ObjectNode activity = activities.addObject();
        activity.put("title", a.title());
        activity.put("product", a.product());
        activity.put("indicator", a.indicator());
        activity.put("baseline", a.baseline());
        activity.put("target", a.target());
        activity.put("dueDate", a.dueDate() == null ? null : a.dueDate().toString());
      }
    }
    return list;
  }
}
