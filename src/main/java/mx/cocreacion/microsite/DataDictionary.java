package mx.cocreacion.microsite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.IrmScales;
import mx.cocreacion.plan.PlanLabels;
import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;

/**
 * The data dictionary of the open-data CSVs as Frictionless Table Schemas: every column with its Spanish title and
 * description, type, format and constraints (required, enum, minimum, maximum, pattern), in the order the CSV has
 * them, and the missing-value convention (an empty cell). {@code DataDictionaryTest} checks each schema against the
 * columns the writers use, and every CSV the product serves against its schema.
 */
public final class DataDictionary {

  /** An empty cell is a missing value (no date, no activity); text is never written as "null". */
  public static final List<String> MISSING_VALUES = List.of("");

  private DataDictionary() {}

  /**
   * The schema of the CSV of the catalogue's dataset {@code slug}: an entidad's exercises, activities, assessments,
   * reports and evidence files have the columns of the national ones (they are the entidad's rows of them), its
   * commitments file those of one exercise.
   */
  public static Map<String, Object> of(String slug) {
    if (slug.equals("ejercicios") || slug.startsWith("ejercicios-")) {
      return exercises();
    }
    if (slug.equals("compromisos-nacional")) {
      return nationalCommitments();
    }
    if (slug.startsWith("informes-")) {
      return nationalReports();
    }
    if (slug.startsWith("evidencia-")) {
      return nationalEvidence();
    }
    if (slug.startsWith("actividades-")) {
      return activities();
    }
    if (slug.startsWith("evaluaciones-")) {
      return assessments();
    }
    if (slug.startsWith("compromisos-")) {
      return commitments();
    }
    throw new IllegalArgumentException("No CSV dataset «" + slug + "»");
  }

  /** The schema of {@code /api/public/exercises.csv} ({@link ExerciseCsv}). */
  public static Map<String, Object> exercises() {
    List<Map<String, Object>> f = new ArrayList<>(exercise());
    f.add(field("name", "string", "Nombre del ejercicio", "Nombre que el organismo garante dio al ejercicio.", required()));
    f.add(field("guarantorBody", "string", "Organismo garante", "Organismo garante de transparencia que conduce el ejercicio.",
        Map.of()));
    f.add(field("currentStep", "integer", "Paso actual", "Paso de la metodología en que está el ejercicio: 1 declaración "
        + "conjunta, 2 sensibilización, 3 Secretariado Técnico Local, 4 mesas participativas, 5 Plan de Acción Local, 6 "
        + "seguimiento y evaluación.", required(Map.of("minimum", 1, "maximum", 6))));
    f.add(bool("finished", "Concluido", "«true» si el ejercicio concluyó (tras la evaluación final del INAI).", true));
    f.add(dateTime("startedAt", "Inicio", "Fecha y hora en que se inició el ejercicio (ISO 8601, UTC).", true));
    f.add(dateTime("endedAt", "Conclusión", "Fecha y hora en que concluyó el ejercicio (ISO 8601, UTC); vacía si sigue en curso.",
        false));
    f.add(date("palStart", "Inicio del PAL", "Primer día de vigencia del Plan de Acción Local; vacía antes del paso 5."));
    f.add(date("palEnd", "Fin del PAL", "Último día de vigencia del Plan de Acción Local (de uno a dos años); vacía antes del paso 5."));
    f.add(date("launchDate", "Lanzamiento", "Día del evento público de lanzamiento del PAL; vacía antes de él."));
    f.add(field("launchPlace", "string", "Lugar del lanzamiento", "Lugar del evento público de lanzamiento; vacío antes de él.",
        Map.of()));
    f.add(field("commitments", "integer", "Compromisos", "Número de compromisos aprobados por el STL.",
        required(Map.of("minimum", 0))));
    f.add(percent("palProgress", "Avance del PAL", "Avance promedio de los compromisos aprobados, en porcentaje (0 a 100)."));
    f.add(field("starredCommitments", "integer", "Compromisos destacados", "Compromisos con potencial transformador que "
        + "el INAI valoró con cumplimiento sustancial o completo.", required(Map.of("minimum", 0))));
    f.add(field("overdueTasks", "integer", "Tareas vencidas", "Tareas del ejercicio abiertas después de su fecha límite.",
        required(Map.of("minimum", 0))));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/exercises/{tenant}/commitments.csv} ({@link CommitmentCsv}). */
  public static Map<String, Object> commitments() {
    List<Map<String, Object>> f = new ArrayList<>();
    f.add(field("commitment", "integer", "Compromiso", "Número del compromiso en el plan (1, 2, …); agrupa las filas de "
        + "sus actividades.", required(Map.of("minimum", 1))));
    f.add(field("title", "string", "Título", "Título del compromiso.", required()));
    f.add(field("problem", "string", "Problema", "Problema público que atiende, como lo definieron las mesas.", Map.of()));
    f.add(field("description", "string", "Descripción", "Qué hará el compromiso.", Map.of()));
    f.add(field("responsible", "string", "Responsable", "Dependencia o persona responsable de cumplirlo.", Map.of()));
    f.add(field("sdgs", "string", "ODS", "Objetivos de Desarrollo Sostenible (1 a 17) a los que se asocia, separados por «|» "
        + "(p. ej. «10|16»); vacía si ninguno.", Map.of("pattern", "([1-9]|1[0-7])(\\|([1-9]|1[0-7]))*")));
    PlanLabels.CRITERIA.forEach((criterion, label) -> f.add(bool(CommitmentCsv.CRITERION_PREFIX + criterion,
        "Criterio: " + label, "«true» si el compromiso cumple el criterio «" + label + "» de la metodología.", true)));
    f.add(bool("approved", "Aprobado", "«true» si el STL aprobó el compromiso.", true));
    f.add(percent("progress", "Avance", "Avance del compromiso, en porcentaje (0 a 100)."));
    f.add(bool("starred", "Destacado", "«true» si el compromiso es destacado (potencial transformador y cumplimiento "
        + "sustancial o completo según el INAI).", true));
    f.add(field("activity", "integer", "Actividad", "Número de la actividad dentro del compromiso; vacía en la única fila "
        + "de un compromiso sin actividades.", Map.of("minimum", 1)));
    f.add(field("activity_title", "string", "Actividad: título", "Qué se hará.", Map.of()));
    f.add(field("product", "string", "Producto", "Producto verificable de la actividad.", Map.of()));
    f.add(field("indicator", "string", "Indicador", "Cómo se mide la actividad.", Map.of()));
    f.add(field("baseline", "string", "Línea base", "Valor del indicador al empezar.", Map.of()));
    f.add(field("target", "string", "Meta", "Valor del indicador que se quiere alcanzar.", Map.of()));
    f.add(date("dueDate", "Fecha de término", "Día en que la actividad debe estar concluida."));
    f.add(field("status", "string", "Estado", "Estado de la actividad: " + IrmScales.STATUS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).map(e -> "«" + e.getKey() + "» " + e.getValue().toLowerCase())
        .reduce((a, b) -> a + ", " + b).orElse("") + "; vacía sin actividad.",
        Map.of("enum", List.of("not-started", "in-progress", "done"))));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/commitments.csv} ({@link NationalFiles#COMMITMENT_COLUMNS}). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> nationalCommitments() {
    List<Map<String, Object>> f = new ArrayList<>(whose());
    f.addAll((List<Map<String, Object>>) commitments().get("fields"));
    f.add(field("currentValue", "string", "Valor alcanzado", "Último valor medido del indicador de la actividad en "
        + "un informe de avance; vacío si aún no se mide.", Map.of()));
    f.add(date("currentValueOn", "Fecha del valor", "Día del informe que midió el valor alcanzado."));
    f.add(bool("monitoringVerifiable", "Monitoreo: verificable", "Resultado del monitoreo del INAI a seis meses: "
        + "«true» si el compromiso es verificable; vacío antes del monitoreo.", false));
    f.add(bool("monitoringRelevant", "Monitoreo: relevante", "«true» si el compromiso es relevante para los valores "
        + "del gobierno abierto; vacío antes del monitoreo.", false));
    f.add(field("monitoringPotentialImpact", "string", "Monitoreo: impacto potencial", "Impacto potencial según el "
        + "INAI: " + words(IrmScales.POTENTIAL_IMPACT) + "; vacío antes del monitoreo.",
        Map.of("enum", List.copyOf(IrmScales.POTENTIAL_IMPACT.keySet()))));
    f.add(field("evaluationCompletion", "string", "Evaluación: cumplimiento", "Cumplimiento según la evaluación final "
        + "del INAI: " + words(IrmScales.COMPLETION) + "; vacío antes de ella.",
        Map.of("enum", List.copyOf(IrmScales.COMPLETION.keySet()))));
    f.add(field("evaluationOpenedGovernment", "string", "Evaluación: ¿abrió el gobierno?", "Cuánto abrió el gobierno "
        + "según la evaluación final del INAI: " + words(IrmScales.OPENED_GOVERNMENT) + "; vacío antes de ella.",
        Map.of("enum", List.copyOf(IrmScales.OPENED_GOVERNMENT.keySet()))));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/reports.csv} ({@link NationalFiles#REPORT_COLUMNS}). */
  public static Map<String, Object> nationalReports() {
    List<Map<String, Object>> f = new ArrayList<>(whose());
    f.add(commitmentNumber());
    f.add(field("report", "integer", "Informe", "Número del informe de avance del compromiso (1, 2, …).",
        required(Map.of("minimum", 1))));
    f.add(date("reportedAt", "Fecha del informe", "Día al que se refiere el informe."));
    f.add(percent("progress", "Avance", "Avance del compromiso según el informe, en porcentaje (0 a 100)."));
    f.add(field("narrative", "string", "Relato", "Qué se hizo en el periodo, en palabras del STL.", Map.of()));
    f.add(field("evidenceUrl", "string", "Enlace a la evidencia", "Dirección web de la evidencia del informe.", Map.of()));
    f.add(field("evidenceName", "string", "Archivo de evidencia", "Nombre del archivo anexado al informe; se descarga "
        + "desde la página del ejercicio en el micrositio.", Map.of()));
    f.add(field("measuredValues", "string", "Valores medidos", "Valores de los indicadores que midió el informe, por "
        + "actividad, separados por «|» («1: 5|2: 40 %»).", Map.of()));
    f.add(field("evidenceFileUrl", "string", "Descarga de la evidencia", "Ruta de descarga, en este sitio, del archivo "
        + "que publicó el informe (el anexado, o el primero anexado a su tarea), p. ej. «/micrositio/oax/evidencia/…»; "
        + "vacío si no publicó archivo.", Map.of("pattern", "/micrositio/[a-z]+/evidencia/[A-Za-z0-9-]+")));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/evidence.csv} ({@link NationalFiles#EVIDENCE_COLUMNS}). */
  public static Map<String, Object> nationalEvidence() {
    List<Map<String, Object>> f = new ArrayList<>(exercise());
    f.add(field("step", "integer", "Paso", "Paso del método al que pertenece el documento (1 Declaración conjunta, "
        + "2 Sumar actores, 3 Secretariado Técnico Local, 4 Mesas participativas, 5 Lanzamiento del PAL, 6 Seguimiento).",
        required(Map.of("minimum", 1, "maximum", 6))));
    f.add(field("document", "string", "Documento", "Qué es el documento, p. ej. «Acta de la reunión de elección del "
        + "STL» o «Informe de avance 2 — Compromiso 1».", required()));
    f.add(field("fileName", "string", "Nombre del archivo", "Nombre del archivo publicado; vacío para un enlace.",
        Map.of()));
    f.add(field("contentType", "string", "Tipo de archivo", "Tipo de medio del archivo según su contenido (p. ej. "
        + "«application/pdf»); vacío para un enlace.", Map.of()));
    f.add(field("sizeBytes", "integer", "Tamaño", "Tamaño del archivo en bytes; vacío para un enlace.",
        Map.of("minimum", 0)));
    f.add(dateTime("recordedAt", "Publicado", "Momento en que se publicó (ISO 8601, UTC).", true));
    f.add(field("url", "string", "Descarga", "Ruta de descarga del archivo en este sitio («/micrositio/oax/evidencia/…») "
        + "o el enlace externo (http o https) que se registró.", required()));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/activities.csv} ({@link FollowUpFiles#ACTIVITY_COLUMNS}). */
  public static Map<String, Object> activities() {
    List<Map<String, Object>> f = new ArrayList<>(whose());
    f.add(commitmentNumber());
    f.add(field("commitmentTitle", "string", "Título del compromiso", "Título del compromiso al que pertenece la "
        + "actividad.", required()));
    f.add(field("activity", "integer", "Actividad", "Número de la actividad dentro del compromiso (1, 2, …).",
        required(Map.of("minimum", 1))));
    f.addAll(fieldsOf(commitments(), "activity_title", "product", "indicator", "baseline", "target", "dueDate"));
    f.add(field("status", "string", "Estado", "Estado de la actividad: " + words(IrmScales.STATUS) + "; vacío si aún "
        + "no se registra (sin iniciar).", Map.of("enum", List.copyOf(IrmScales.STATUS.keySet()))));
    f.add(bool("overdue", "Vencida", "«true» si pasó su fecha de término y no está concluida (al día de la descarga, "
        + "hora de la Ciudad de México).", true));
    f.addAll(fieldsOf(nationalCommitments(), "currentValue", "currentValueOn"));
    return schema(f, null);
  }

  /** The schema of {@code /api/public/assessments.csv} ({@link FollowUpFiles#ASSESSMENT_COLUMNS}). */
  public static Map<String, Object> assessments() {
    List<Map<String, Object>> f = new ArrayList<>(whose());
    f.add(commitmentNumber());
    f.add(field("kind", "string", "Valoración", "Qué valoración del INAI es: «" + FollowUpFiles.MONITORING + "» el "
        + "monitoreo a seis meses del lanzamiento, «" + FollowUpFiles.YEAR_EVALUATION + "» la evaluación de un año de "
        + "implementación, «" + FollowUpFiles.FINAL_EVALUATION + "» la evaluación final del PAL.",
        required(Map.of("enum", FollowUpFiles.KINDS))));
    f.add(field("round", "integer", "Ronda de evaluación", "Número de la ronda de evaluación del PAL (1, 2, …; la "
        + "final es la última); vacío en el monitoreo.", Map.of("minimum", 1)));
    f.add(field("implementationYear", "integer", "Año de implementación", "Año de implementación evaluado (1, 2, …); "
        + "vacío en el monitoreo y en la evaluación final.", Map.of("minimum", 1)));
    f.add(date("periodEnd", "Fin del periodo", "Último día del periodo evaluado; vacío en el monitoreo."));
    f.add(dateTime("recordedAt", "Registrada", "Momento en que el INAI registró la valoración: su monitoreo, o la "
        + "evaluación de la ronda (ISO 8601, UTC); vacío si no consta.", false));
    f.add(bool("verifiable", "Verificable", "Monitoreo: «true» si el compromiso es verificable; vacío en una "
        + "evaluación.", false));
    f.add(bool("relevant", "Relevante", "Monitoreo: «true» si el compromiso es relevante para los valores del gobierno "
        + "abierto; vacío en una evaluación.", false));
    f.add(field("potentialImpact", "string", "Impacto potencial", "Monitoreo: impacto potencial según el INAI: "
        + words(IrmScales.POTENTIAL_IMPACT) + "; vacío en una evaluación.",
        Map.of("enum", List.copyOf(IrmScales.POTENTIAL_IMPACT.keySet()))));
    f.add(field("completion", "string", "Cumplimiento", "Evaluación: cumplimiento según el INAI: "
        + words(IrmScales.COMPLETION) + "; vacío en el monitoreo.",
        Map.of("enum", List.copyOf(IrmScales.COMPLETION.keySet()))));
    f.add(field("openedGovernment", "string", "¿Abrió el gobierno?", "Evaluación final: cuánto abrió el gobierno según "
        + "el INAI: " + words(IrmScales.OPENED_GOVERNMENT) + "; vacío en las demás.",
        Map.of("enum", List.copyOf(IrmScales.OPENED_GOVERNMENT.keySet()))));
    f.add(field("notes", "string", "Observaciones", "Observaciones del INAI sobre el compromiso; vacío si no las hay.",
        Map.of()));
    return schema(f, null);
  }

  /** The commitment's number, in a file whose rows are each about one commitment. */
  private static Map<String, Object> commitmentNumber() {
    return field("commitment", "integer", "Compromiso", "Número del compromiso en el plan.", required(Map.of("minimum", 1)));
  }

  /** The fields {@code names} of {@code schema}, in that order (the same column in two files, described once). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> fieldsOf(Map<String, Object> schema, String... names) {
    List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
    return java.util.Arrays.stream(names)
        .map(name -> fields.stream().filter(f -> f.get("name").equals(name)).findFirst().orElseThrow()).toList();
  }

  /** The first columns of every file that lists exercises: which entidad, year and exercise. */
  private static List<Map<String, Object>> exercise() {
    return List.of(
        field("tenant", "string", "Clave de la entidad", "Clave de tres letras de la entidad federativa (p. ej. «oax»).",
            required(Map.of("enum", EntityCatalogue.all().stream().map(Entity::code).toList()))),
        field("entityName", "string", "Entidad federativa", "Nombre oficial de la entidad federativa.", required()),
        field("year", "integer", "Año", "Año del ejercicio (AAAA).", required(Map.of("minimum", 2000, "maximum", 9999))),
        // Unique among the exercises in course only: an exercise cancelled and started again keeps its key.
        field("businessKey", "string", "Clave del ejercicio", "Clave del ejercicio: entidad y año («oax-2026»); "
            + "un ejercicio cancelado y vuelto a iniciar el mismo año conserva la clave.",
            required(Map.of("pattern", "[a-z]{3}-[0-9]{4}"))));
  }

  /** The columns that say whose a row of a national file is: the exercise's, and the commitment's stable id. */
  private static List<Map<String, Object>> whose() {
    List<Map<String, Object>> f = new ArrayList<>(exercise());
    f.add(field("commitmentId", "string", "Identificador del compromiso", "Identificador estable del compromiso: clave "
        + "del ejercicio y número del compromiso («oax-2026-c03»).", required(Map.of("pattern", "[a-z]{3}-[0-9]{4}-c[0-9]{2}"))));
    return f;
  }

  private static String words(Map<String, String> scale) {
    return scale.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> "«" + e.getKey() + "» " + e.getValue().toLowerCase()).reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static Map<String, Object> schema(List<Map<String, Object>> fields, String primaryKey) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("fields", fields);
    schema.put("missingValues", MISSING_VALUES);
    if (primaryKey != null) {
      schema.put("primaryKey", primaryKey);
    }
    return schema;
  }

  private static Map<String, Object> field(String name, String type, String title, String description,
      Map<String, Object> constraints) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("name", name);
    field.put("type", type);
    field.put("title", title);
    field.put("description", description);
    if (!constraints.isEmpty()) {
      field.put("constraints", constraints);
    }
    return field;
  }

  private static Map<String, Object> bool(String name, String title, String description, boolean required) {
    Map<String, Object> field = field(name, "boolean", title, description, required ? required() : Map.of());
    field.put("trueValues", List.of("true"));
    field.put("falseValues", List.of("false"));
    return field;
  }

  private static Map<String, Object> date(String name, String title, String description) {
    Map<String, Object> field = field(name, "date", title, description + " Formato AAAA-MM-DD.", Map.of());
    field.put("format", "default");
    return field;
  }

  /** An instant as Java writes it (ISO 8601 in UTC, seconds and their fractions when not zero). */
  private static Map<String, Object> dateTime(String name, String title, String description, boolean required) {
    Map<String, Object> field = field(name, "datetime", title, description, required ? required() : Map.of());
    field.put("format", "any");
    return field;
  }

  private static Map<String, Object> percent(String name, String title, String description) {
    return field(name, "integer", title, description, required(Map.of("minimum", 0, "maximum", 100)));
  }

  private static Map<String, Object> required() {
    return Map.of("required", true);
  }

  private static Map<String, Object> required(Map<String, Object> more) {
    Map<String, Object> constraints = new LinkedHashMap<>();
    constraints.put("required", true);
    constraints.putAll(more);
    return constraints;
  }

  static List<String> names(Map<String, Object> schema) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
    return fields.stream().map(f -> (String) f.get("name")).toList();
  }
}
