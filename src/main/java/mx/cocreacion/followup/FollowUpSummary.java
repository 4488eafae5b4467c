package mx.cocreacion.followup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cocreacion.plan.IrmScales;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Assessment;
import mx.cocreacion.plan.AssessmentRepository;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.Progress;
import mx.cocreacion.plan.ProgressReport;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code followUpSummary}: what the step 6 forms show (read from the plan of record, never
 * from history) and the rows they start with. Used in the input mappings of report-progress,
 * monitor-commitments and evaluate-performance; progress is shown in percent (0–100).
 */
@Component("followUpSummary")
public class FollowUpSummary {

  private final ExerciseRepository exercises;
  private final CommitmentRepository commitments;
  private final ImplementationRepository implementation;
  private final AssessmentRepository assessments;
  private final PlanOfRecord plan;

  public FollowUpSummary(ExerciseRepository exercises, CommitmentRepository commitments,
      ImplementationRepository implementation, AssessmentRepository assessments, PlanOfRecord plan) {
    this.exercises = exercises;
    this.commitments = commitments;
    this.implementation = implementation;
    this.assessments = assessments;
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
    summary.put("palProgress", Progress.percent(implementation.palProgress(exerciseId)));
    Map<Integer, Assessment> assessed = assessments.assessments(exerciseId).stream()
        .collect(Collectors.toMap(Assessment::commitment, Function.identity()));
    ArrayNode list = summary.putArray("commitments");
    for (Commitment c : approved(exerciseId)) {
      list.add(commitmentNode(exerciseId, c, assessed.get(c.position())));
    }
    return Spin.JSON(summary.toString());
  }

  /** "Oaxaca 2026": the entidad and year of the execution's exercise, as the INAI's task names say them. */
  public String entityAndYear(DelegateExecution execution) {
    Exercise exercise = exercises.findById(ExerciseScope.exerciseId(execution)).orElseThrow();
    return EntityCatalogue.nameOf(exercise.tenantId()) + " " + exercise.year();
  }

  /** "2. Presupuesto abierto": the commitment a commitment-implementation instance implements, by the plan of record. */
  public String commitmentName(DelegateExecution execution) {
    int position = plan.commitmentOf(execution);
    return position + ". " + find(ExerciseScope.exerciseId(execution), position).title();
  }

  /** The commitment of a commitment-implementation instance, for its progress report ({@link PlanOfRecord#commitmentOf}). */
  public SpinJsonNode commitment(DelegateExecution execution) {
    return commitment(ExerciseScope.exerciseId(execution), plan.commitmentOf(execution));
  }

  /** One commitment, for the STL's progress report. */
  public SpinJsonNode commitment(String exerciseId, int position) {
    Commitment c = find(exerciseId, position);
    Assessment assessment = assessments.assessments(exerciseId).stream()
        .filter(a -> a.commitment() == position).findFirst().orElse(null);
    return Spin.JSON(commitmentNode(exerciseId, c, assessment).toString());
  }

  /** The rows of the progress report: one per activity of the instance's commitment, with its current status. */
  public SpinJsonNode progressTemplate(DelegateExecution execution) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment.Activity a : find(ExerciseScope.exerciseId(execution), plan.commitmentOf(execution)).activities()) {
      ObjectNode row = rows.addObject();
      row.put("activity", a.position());
      row.put("title", label(a));
      row.put("status", a.status());
    }
    return Spin.JSON(rows.toString());
  }

  /** The rows of the monitoring: one per commitment. */
  public SpinJsonNode monitoringTemplate(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment c : approved(exerciseId)) {
      ObjectNode row = rows.addObject();
      row.put("commitment", c.position());
      row.put("title", c.title());
      row.put("verifiable", false);
      row.put("relevant", false);
      row.putNull("potentialImpact");
      row.put("notes", "");
    }
    return Spin.JSON(rows.toString());
  }

  /** The rows of the evaluation: one per commitment, with its monitoring result to read. */
  public SpinJsonNode evaluationTemplate(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Map<Integer, Assessment> assessed = assessments.assessments(exerciseId).stream()
        .collect(Collectors.toMap(Assessment::commitment, Function.identity()));
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment c : approved(exerciseId)) {
      ObjectNode row = rows.addObject();
      row.put("commitment", c.position());
      row.put("title", c.title());
      row.put("monitoringSummary", IrmScales.monitoringSummary(assessed.get(c.position())));
      row.putNull("completion");
      row.putNull("openedGovernment");
      row.put("notes", "");
    }
    return Spin.JSON(rows.toString());
  }

  private ObjectNode commitmentNode(String exerciseId, Commitment c, Assessment assessment) {
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("position", c.position());
    node.put("title", c.title());
    node.put("problem", c.problem());
    node.put("responsible", c.responsible());
    node.put("progress", Progress.percent(implementation.progress(exerciseId, c.position())));
    ArrayNode activities = node.putArray("activities");
    for (Commitment.Activity a : c.activities()) {
      ObjectNode activity = activities.addObject();
      activity.put("position", a.position());
      activity.put("title", label(a));
      activity.put("product", a.product());
      activity.put("indicator", a.indicator());
      activity.put("target", a.target());
      activity.put("dueDate", a.dueDate().toString());
      activity.put("dueDateText", MexicanDates.longDate(a.dueDate()));
      activity.put("status", a.status());
    }
    ArrayNode reports = node.putArray("reports");
    for (ProgressReport r : implementation.reports(exerciseId, c.position())) {
      ObjectNode report = reports.addObject();
      report.put("number", r.number());
      report.put("reportedAt", day(r.reportedAt()));
      report.put("reportedAtText", text(r.reportedAt()));
      report.put("progress", Progress.percent(r.progress()));
      report.put("evidenceUrl", r.evidenceUrl());
      report.put("evidenceName", r.evidenceName());
    }
    if (assessment != null && assessment.potentialImpact() != null) {
      ObjectNode monitoring = node.putObject("monitoring");
      monitoring.put("verifiable", assessment.verifiable());
      monitoring.put("relevant", assessment.relevant());
      monitoring.put("potentialImpact", assessment.potentialImpact());
      monitoring.put("notes", assessment.monitoringNotes());
    } else {
      node.putNull("monitoring");
    }
    return node;
  }

  private List<Commitment> approved(String exerciseId) {
    return commitments.findByExercise(exerciseId);
  }

  private Commitment find(String exerciseId, int position) {
    return approved(exerciseId).stream().filter(c -> c.position() == position).findFirst()
        .orElseThrow(() -> new IllegalStateException("No existe el compromiso " + position + " del ejercicio " + exerciseId));
  }

  private static String label(Commitment.Activity a) {
    return a.title() != null ? a.title() : a.product();
  }

  private static String day(Instant instant) {
    return instant == null ? null : Dates.localDate(instant).toString();
  }

  private static String text(Instant instant) {
    return instant == null ? null : MexicanDates.longDate(instant);
  }
}
