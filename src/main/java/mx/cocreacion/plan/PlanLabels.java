package mx.cocreacion.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Spanish words of a commitment that are not INAI's scales ({@link IrmScales}): the 17 ODS, the eight
 * quality criteria, the names of progress reports and the progress bar. The microsite, the PDFs and the
 * forms' summaries use these; the form where commitments are written offers the same words
 * ({@code PlanLabelsTest} compares them).
 */
public final class PlanLabels {

  /** The 17 Objetivos de Desarrollo Sostenible, UN Spanish names. */
  /** The six steps of the method, as people name them (microsite, INAI's forms). */
  public static final List<String> STEPS = List.of("Arranque", "Sensibilización", "Secretariado Técnico Local",
      "Mesas participativas", "Plan de Acción Local", "Seguimiento y evaluación");

  public static final List<String> ODS = List.of("Fin de la pobreza", "Hambre cero", "Salud y bienestar",
      "Educación de calidad", "Igualdad de género", "Agua limpia y saneamiento", "Energía asequible y no contaminante",
      "Trabajo decente y crecimiento económico", "Industria, innovación e infraestructura",
      "Reducción de las desigualdades", "Ciudades y comunidades sostenibles", "Producción y consumo responsables",
      "Acción por el clima", "Vida submarina", "Vida de ecosistemas terrestres",
      "Paz, justicia e instituciones sólidas", "Alianzas para lograr los objetivos");

  /** The quality criteria of a commitment (seed, step 4), in the contract's order ({@link Commitment#CRITERIA}). */
  public static final Map<String, String> CRITERIA = ordered(
      "inclusive", "Incluyente",
      "strategic", "Estratégico",
      "transformative", "De alto potencial transformador",
      "replicable", "Replicable",
      "measurable", "Medible",
      "agenda2030", "Asociado a la Agenda 2030",
      "gender", "Con perspectiva de género",
      "anticorruption", "Vinculado a la agenda estatal anticorrupción");

  private static final List<String> ORDINALS = List.of("Primer", "Segundo", "Tercer", "Cuarto", "Quinto", "Sexto",
      "Séptimo", "Octavo", "Noveno", "Décimo", "Undécimo", "Duodécimo");

  private PlanLabels() {}

  /** 16 → "Paz, justicia e instituciones sólidas"; "" outside 1–17. */
  public static String ods(int number) {
    return number >= 1 && number <= ODS.size() ? ODS.get(number - 1) : "";
  }

  /** [16, 5] → "16. Paz, justicia e instituciones sólidas; 5. Igualdad de género", or "ninguno". */
  public static String odsList(List<Integer> numbers) {
    return numbers == null || numbers.isEmpty() ? "ninguno"
        : numbers.stream().map(n -> n + ". " + ods(n)).collect(Collectors.joining("; "));
  }

  /** The criteria a commitment meets, inside a sentence: "incluyente, medible", or "ninguno". */
  public static String criteriaList(Map<String, Boolean> criteria) {
    List<String> met = CRITERIA.entrySet().stream()
        .filter(c -> criteria != null && Boolean.TRUE.equals(criteria.get(c.getKey())))
        .map(c -> inSentence(c.getValue()))
        .toList();
    return met.isEmpty() ? "ninguno" : String.join(", ", met);
  }

  /** "Asociado a la Agenda 2030" → "asociado a la Agenda 2030" (only the first letter: names keep theirs). */
  private static String inSentence(String label) {
    return label.isEmpty() ? label : IrmScales.lower(label.substring(0, 1)) + label.substring(1);
  }

  /** 1 → "Primer avance", 2 → "Segundo avance"… */
  public static String report(int number) {
    return (number >= 1 && number <= ORDINALS.size() ? ORDINALS.get(number - 1) : number + "º") + " avance";
  }

  /** 50 → "█████░░░░░ 50 %": ten blocks, each a tenth (rounded). */
  public static String progressBar(int percent) {
    StringBuilder bar = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      bar.append(i * 10 <= percent + 5 ? '█' : '░');
    }
    return bar + " " + Progress.text(percent);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
