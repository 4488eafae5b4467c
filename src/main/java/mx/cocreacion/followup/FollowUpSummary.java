package mx.cocreacion.followup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentForms;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.PlanLabels;
import mx.cocreacion.plan.Progress;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code followUpSummary}: what the step 6 forms show (read from the plan of record, never
 * from history) and the rows they start with. The shown fields ({@code TaskCompletion.shown()}) of the step 6
 * tasks; progress is shown in percent (0–100).
 */
@Component("followUpSummary")
public class FollowUpSummary {

  private final ExerciseRepository exercises;
  private final CommitmentViews views;
  private final CommitmentRepository commitments;
  private final ImplementationRepository implementation;
  private final PlanOfRecord plan;
  private final FollowUpCalendar calendar;
  private final EvaluationRoundRepository rounds;
  private final EvidenceCatalogue evidence;

  public FollowUpSummary(ExerciseRepository exercises, CommitmentViews views, CommitmentRepository commitments,
      ImplementationRepository implementation, PlanOfRecord plan, FollowUpCalendar calendar,
      EvaluationRoundRepository rounds, EvidenceCatalogue evidence) {
    this.evidence = evidence;
    this.calendar = calendar;
    this.rounds = rounds;
    this.exercises = exercises;
    this.views = views;
    this.commitments = commitments;
    this.implementation = implementation;
    this.plan = plan;
  }

  /** The whole exercise of the execution (input of monitor-commitments and evaluate-performance). */
  public SpinJsonNode of(DelegateExecution execution) {
    return exercise(ExerciseScope.exerciseId(execution));
  }

  /** The whole exercise: every commitment with activities, progress, reports and monitoring. */
  public SpinJsonNode exercise(String exerciseId) {
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    ObjectNode summary = TaskInput.mapper().createObjectNode();
    summary.put("exerciseName", exercise.name());
    summary.put("businessKey", exercise.businessKey());
    summary.put("entityName", EntityCatalogue.nameOf(exercise.tenantId()));
    summary.put("launchDate", day(exercise.launchDate()));
    summary.put("palStart", day(exercise.palStart()));
    summary.put("palEnd", day(exercise.palEnd()));
    // The same dates as people read them (the forms show these): "1 de febrero de 2032".
    summary.put("launchDateText", text(exercise.launchDate()));
    summary.put("palStartText", text(exercise.palStart()));
    summary.put("palEndText", text(exercise.palEnd()));
    int palProgress = Progress.percent(implementation.palProgress(exerciseId));
    summary.put("palProgress", palProgress);
    summary.put("palProgressText", PlanLabels.progressBar(palProgress));
    ArrayNode list = summary.putArray("commitments");
    for (CommitmentView c : views.of(exerciseId)) {
      list.add(CommitmentForms.summary(c));
    }
    summary.put("evidenceText", evidenceByStep(exercise));
    return Spin.JSON(summary.toString());
  }

  /**
   * The documentary evidence of each step in words (INAI evaluates on it, the seed says): «Paso 1, Arranque: 1
   * documento (declaracion.pdf) · Paso 2, Sensibilización: sin documentos · …», the files (by name) and links (by site) the microsite
   * publishes, at most three names per step.
   */
  private String evidenceByStep(Exercise exercise) {
    Map<Integer, List<String>> byStep = new TreeMap<>();
    for (EvidenceItem item : evidence.list(exercise.tenantId(), exercise.id())) {
      byStep.computeIfAbsent(item.step(), s -> new ArrayList<>()).add(evidenceName(item));
    }
    List<String> steps = new ArrayList<>();
    for (int step = 1; step <= PlanLabels.STEPS.size(); step++) {
      List<String> names = byStep.getOrDefault(step, List.of()).stream().sorted().toList();
      String files = names.isEmpty() ? "sin documentos"
          : (names.size() == 1 ? "1 documento" : names.size() + " documentos") + " ("
              + String.join(", ", names.subList(0, Math.min(3, names.size()))) + (names.size() > 3 ? ", …" : "") + ")";
      steps.add("Paso " + step + ", " + PlanLabels.STEPS.get(step - 1) + ": " + files);
    }
    return String.join(" · ", steps);
  }

  /** A file by its name, a link by its site («enlace a video.oaxaca.gob.mx»). */
  private static String evidenceName(EvidenceItem item) {
    if (item.name() != null && !item.name().isBlank()) {
      return item.name();
    }
    try {
      String host = item.url() == null ? null : java.net.URI.create(item.url()).getHost();
      return host == null ? "enlace" : "enlace a " + host;
    } catch (IllegalArgumentException e) {
      return "enlace";
    }
  }

  /** "Oaxaca 2026": the entidad and year of the execution's exercise, as the INAI's task names say them. */
  public String entityAndYear(DelegateExecution execution) {
    Exercise exercise = exercises.findById(ExerciseScope.exerciseId(execution)).orElseThrow();
    return EntityCatalogue.nameOf(exercise.tenantId()) + " " + exercise.year();
  }

  /** "Oaxaca 2026, año 2 de implementación": the agenda task of a year that begins names it. */
  public String agendaName(DelegateExecution execution) {
    return entityAndYear(execution) + ", año " + calendar.yearUnderway(ExerciseScope.exerciseId(execution))
        + " de implementación";
  }

  /** "2. Presupuesto abierto": the commitment a commitment-implementation instance implements, by the plan of record. */
  public String commitmentName(DelegateExecution execution) {
    Commitment c = commitmentAlone(ExerciseScope.exerciseId(execution), plan.commitmentOf(execution));
    return c.position() + ". " + c.title();
  }

  /** The commitment of a commitment-implementation instance, for its progress report ({@link PlanOfRecord#commitmentOf}). */
  public SpinJsonNode commitment(DelegateExecution execution) {
    return commitment(ExerciseScope.exerciseId(execution), plan.commitmentOf(execution));
  }

  /** One commitment, for the STL's progress report. */
  public SpinJsonNode commitment(String exerciseId, int position) {
    return Spin.JSON(CommitmentForms.summary(find(exerciseId, position)).toString());
  }

  /** The rows of the progress report: one per activity of the instance's commitment, with its current status. */
  public SpinJsonNode progressTemplate(DelegateExecution execution) {
    return json(CommitmentForms.progressRows(
        commitmentAlone(ExerciseScope.exerciseId(execution), plan.commitmentOf(execution)).activities()));
  }

  /** The rows of the monitoring: one per commitment. */
  public SpinJsonNode monitoringTemplate(DelegateExecution execution) {
    return json(CommitmentForms.monitoringRows(views.of(ExerciseScope.exerciseId(execution))));
  }

  /**
   * The evaluation round now due (input of self-assess-pal, evaluate-year and evaluate-performance): which one
   * («año 1 de implementación», «evaluación final»), the period it closes and, for INAI, the STL's
   * self-assessment of it or that the STL did not complete it in time.
   */
  public SpinJsonNode round(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    FollowUpCalendar.Round round = calendar.round(exerciseId);
    Exercise exercise = exercises.findById(exerciseId).orElseThrow();
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("round", round.number());
    node.put("finalRound", round.finalRound());
    String title = roundTitle(round);
    node.put("title", Character.toUpperCase(title.charAt(0)) + title.substring(1));
    node.put("periodEndText", text(round.periodEnd()));
    node.put("periodText", round.finalRound()
        ? "la vigencia del PAL, del " + text(exercise.palStart()) + " al " + text(exercise.palEnd())
        : "el año " + round.number() + " de implementación, del " + text(calendar.yearStart(exercise, round.number()))
            + " al " + text(round.periodEnd()));
    EvaluationRound.SelfAssessment self = rounds.rounds(exerciseId).stream().filter(r -> r.round() == round.number())
        .map(EvaluationRound::selfAssessment).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    node.put("selfAssessed", self != null);
    if (self != null) {
      ObjectNode a = node.putObject("selfAssessment");
      a.put("achievements", self.achievements());
      a.put("difficulties", self.difficulties());
      a.put("lessons", self.lessons() == null ? "" : self.lessons());
      a.put("completedOnText", MexicanDates.longDate(self.completedOn()));
    }
    node.put("selfAssessmentText", self != null
        ? "El STL completó su autoevaluación el " + MexicanDates.longDate(self.completedOn()) + "."
        : "El STL no completó la autoevaluación en su plazo.");
    return Spin.JSON(node.toString());
  }

  /** "Oaxaca 2026, año 1 de implementación" or "Oaxaca 2026, evaluación final": the round's tasks' names. */
  public String roundName(DelegateExecution execution) {
    return entityAndYear(execution) + ", " + roundTitle(calendar.round(ExerciseScope.exerciseId(execution)));
  }

  private static String roundTitle(FollowUpCalendar.Round round) {
    return round.finalRound() ? "evaluación final" : "año " + round.number() + " de implementación";
  }

  /** The rows of the yearly evaluation: one per commitment, with its monitoring result to read. */
  public SpinJsonNode yearEvaluationTemplate(DelegateExecution execution) {
    return json(CommitmentForms.yearEvaluationRows(views.of(ExerciseScope.exerciseId(execution))));
  }

  /** The rows of the evaluation: one per commitment, with its monitoring result to read. */
  public SpinJsonNode evaluationTemplate(DelegateExecution execution) {
    return json(CommitmentForms.evaluationRows(views.of(ExerciseScope.exerciseId(execution))));
  }

  private static SpinJsonNode json(JsonNode node) {
    return Spin.JSON(node.toString());
  }

  /** The commitment alone (no progress, reports or assessment: the task's name and rows need no more). */
  private Commitment commitmentAlone(String exerciseId, int position) {
    return commitments.findByExercise(exerciseId).stream().filter(c -> c.position() == position).findFirst()
        .orElseThrow(() -> new IllegalStateException("No existe el compromiso " + position + " del ejercicio " + exerciseId));
  }

  private CommitmentView find(String exerciseId, int position) {
    return views.of(exerciseId, position)
        .orElseThrow(() -> new IllegalStateException("No existe el compromiso " + position + " del ejercicio " + exerciseId));
  }

  private static String day(Instant instant) {
    return instant == null ? null : Dates.localDate(instant).toString();
  }

  private static String text(Instant instant) {
    return instant == null ? "sin fecha" : MexicanDates.longDate(instant);
  }
}
