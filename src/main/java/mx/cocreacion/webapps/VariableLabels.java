package mx.cocreacion.webapps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import mx.cocreacion.security.Roles;
import mx.cocreacion.validation.FormLabels;
import org.springframework.stereotype.Component;

/**
 * The words Cockpit shows instead of the process variables' keys, their types and the groups' ids
 * ({@code cockpit/scripts/nombres-legibles.js}; the key stays one click away, in the copy button).
 * A form's field is named by its label in the form ({@link FormLabels}); the variables the processes
 * keep for themselves are named here. {@code VariableLabelsTest} walks an exercise through all six steps
 * and fails on a variable without words, so a new variable cannot reach Cockpit as a bare key.
 */
@Component
public class VariableLabels {

  /** Variables no form asks for, and fields whose form label is a sentence. */
  static final Map<String, String> PROCESS = Map.ofEntries(
      Map.entry("achievements", "Logros del periodo (autoevaluación del STL)"),
      Map.entry("allActivitiesDone", "Todas las actividades concluidas"),
      Map.entry("amendmentActivities", "Actividades que se pueden modificar"),
      Map.entry("amendmentSummary", "Modificación propuesta"),
      Map.entry("approvalComments", "Comentarios de la aprobación"),
      Map.entry("approvalOutcome", "Resultado de la votación del STL"),
      Map.entry("approvalRound", "Ronda de aprobación"),
      Map.entry("approved", "Aprobado"),
      Map.entry("commitmentPosition", "Número del compromiso"),
      Map.entry("commitmentProgress", "Avance del compromiso"),
      Map.entry("commitmentSummary", "Resumen del compromiso"),
      Map.entry("commitmentsApproved", "Compromisos aprobados"),
      Map.entry("commitmentsSummary", "Resumen de los compromisos"),
      Map.entry("declarationSignedAt", "Fecha de firma de la declaración"),
      Map.entry("difficulties", "Dificultades del periodo (autoevaluación del STL)"),
      Map.entry("evaluationRound", "Evaluación en curso: periodo y autoevaluación del STL"),
      Map.entry("evidenceUrl", "Enlace a la evidencia"),
      Map.entry("facilitatorHistory", "Propuestas anteriores de persona facilitadora"),
      Map.entry("facilitatorProposal", "Persona facilitadora propuesta"),
      Map.entry("facilitatorUserId", "Cuenta de la persona facilitadora"),
      Map.entry("followUpSummary", "Resumen del seguimiento"),
      Map.entry("launchDate", "Fecha del lanzamiento"),
      Map.entry("lessons", "Lecciones aprendidas (autoevaluación del STL)"),
      Map.entry("loopCounter", "Número de la repetición"),
      Map.entry("meetingDate", "Fecha de la sesión del STL"),
      Map.entry("nrOfActiveInstances", "Repeticiones en curso"),
      Map.entry("nrOfCompletedInstances", "Repeticiones concluidas"),
      Map.entry("nrOfInstances", "Repeticiones"),
      Map.entry("palEnd", "Fin del PAL"),
      Map.entry("registeredActors", "Actores registrados en la sensibilización"),
      Map.entry("approvedPlan", "Resumen del plan aprobado"),
      Map.entry("tablesSummary", "Resumen de las mesas de trabajo"),
      Map.entry("palStart", "Inicio del PAL"),
      Map.entry("sector", "Sector"),
      Map.entry("signed", "Firmó la declaración"),
      Map.entry("starredCommitments", "Compromisos destacados"),
      Map.entry("titular", "Titular"),
      Map.entry("workingTable", "Mesa de trabajo"),
      Map.entry("workingTableDate", "Fecha de la mesa"),
      Map.entry("workingTableTopic", "Tema de la mesa"),
      Map.entry("yearEvaluation", "Evaluación del año de implementación"));

  /** Camunda's value types, as Cockpit's variables table writes them. */
  static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("String", "Texto"), Map.entry("Json", "JSON"), Map.entry("Date", "Fecha"),
      Map.entry("Integer", "Número"), Map.entry("Long", "Número"), Map.entry("Short", "Número"),
      Map.entry("Double", "Número"), Map.entry("Boolean", "Sí o no"), Map.entry("File", "Archivo"),
      Map.entry("Null", "Vacío"), Map.entry("Object", "Objeto"), Map.entry("Bytes", "Datos binarios"),
      Map.entry("Xml", "XML"));

  private final Map<String, String> variables;

  VariableLabels(FormLabels forms) {
    Map<String, String> all = new TreeMap<>(forms.topLevelFields());
    all.putAll(PROCESS);
    this.variables = Map.copyOf(all);
  }

  /** The words for a variable's key, or {@code null} when it has none. */
  public String variable(String key) {
    return variables.get(key);
  }

  /** What the webapps' script receives: {@code variables}, {@code tipos} and {@code grupos}. */
  Map<String, Map<String, String>> forWebapps() {
    Map<String, String> groups = new TreeMap<>();
    for (String group : Roles.LOCAL) {
      groups.put(group, Roles.label(group));
    }
    groups.put(Roles.INAI, Roles.label(Roles.INAI));
    groups.put(Roles.CAMUNDA_ADMIN, Roles.label(Roles.CAMUNDA_ADMIN));
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    all.put("variables", new TreeMap<>(variables));
    all.put("tipos", new TreeMap<>(TYPES));
    all.put("grupos", groups);
    return all;
  }
}
