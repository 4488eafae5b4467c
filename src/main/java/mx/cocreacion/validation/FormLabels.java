package mx.cocreacion.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The words a person reads for a field: the label it has in its task's form ({@code forms/<task key>.form}),
 * so that a refusal says «Actores locales, fila 2, Correo electrónico» where a REST client reads the key
 * {@code actors[2].email} ({@code violations[].field} keeps the key). Read once from the forms the
 * application deploys; a field without a label in its form keeps its key.
 */
@Component
public class FormLabels {

  /** Fields that no form shows (REST only) or that a form computes, in words. */
  static final Map<String, String> OTHERS = Map.of(
      "declarationDocument", "Documento de la declaración firmada",
      "evidence", "Archivo de evidencia",
      "meetingMinutes", "Acta de la reunión",
      "rulesMinutes", "Acta de la sesión",
      "agendaMinutes", "Acta de la sesión",
      "palMinutes", "Acta de la sesión",
      "launchEvidence", "Registro del evento",
      "problems", "Problemas públicos identificados",
      "businessKey", "Clave del ejercicio",
      "entity", "Entidad federativa");

  private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_]+)(?:\\[(\\d+)])?");

  /** Per form id: the labels by key path ({@code actors}, {@code actors.email}). */
  private final Map<String, Map<String, String>> labels = new HashMap<>();

  public FormLabels() {
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = TaskInput.mapper().readTree(in);
          Map<String, String> byPath = new HashMap<>();
          collect(root, "", byPath);
          labels.put(root.path("id").asText(), byPath);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode container, String prefix, Map<String, String> byPath) {
    for (JsonNode component : container.path("components")) {
      String key = component.hasNonNull("key") ? component.get("key").asText()
          : component.hasNonNull("path") ? component.get("path").asText() : null;
      String label = text(component, "label", "dateLabel", "timeLabel");
      String path = key == null ? prefix : prefix.isEmpty() ? key : prefix + "." + key;
      if (key != null && label != null) {
        byPath.put(path, label);
      }
      collect(component, key == null ? prefix : path, byPath);
    }
  }

  private static String text(JsonNode component, String... names) {
    for (String name : names) {
      JsonNode value = component.get(name);
      if (value != null && value.isTextual() && !value.asText().isBlank()) {
        return value.asText().replace("*", "").trim();
      }
    }
    return null;
  }

  /** Every form's top-level fields by key, with their labels (the first form that labels a key wins). */
  public Map<String, String> topLevelFields() {
    Map<String, String> fields = new java.util.TreeMap<>(OTHERS);
    labels.keySet().stream().sorted().forEach(form -> labels.get(form).forEach((path, label) -> {
      if (path.indexOf('.') < 0) {
        fields.putIfAbsent(path, label);
      }
    }));
    return fields;
  }

  /**
   * The field as its form names it: {@code actors[2].email} of conduct-outreach is «Actores locales, fila 2,
   * Correo electrónico». Parts without a label keep their key.
   */
  public String label(String formId, String field) {
    Map<String, String> byPath = labels.getOrDefault(formId, Map.of());
    StringBuilder words = new StringBuilder();
    StringBuilder keyPath = new StringBuilder();
    Matcher step = STEP.matcher(field);
    int end = 0;
    while (step.find() && step.start() <= end + 1) {
      end = step.end();
      if (keyPath.length() > 0) {
        keyPath.append('.');
      }
      keyPath.append(step.group(1));
      String label = byPath.getOrDefault(keyPath.toString(),
          keyPath.indexOf(".") < 0 ? OTHERS.getOrDefault(step.group(1), step.group(1)) : step.group(1));
      words.append(words.length() > 0 ? ", " : "").append(label);
      if (step.group(2) != null) {
        words.append(", fila ").append(step.group(2));
      }
    }
    return end == field.length() ? words.toString() : field;
  }
}
