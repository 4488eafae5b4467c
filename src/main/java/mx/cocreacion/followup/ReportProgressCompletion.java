package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.*;
import static mx.cocreacion.validation.TaskInput.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.MilestoneOrder;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.Commitments;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.ProgressReport;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.EvidenceFiles;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.TextRules;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * report-progress: the status of the commitment's activities (each activity at most once, status
 * not-started, in-progress or done), optional evidence (a public link, or a file of an allowed
 * kind up to 10 MB), the value each activity's indicator reached (optional, per row), and the day it reports on ({@code reportedOn}: not after today, not before the launch
 * nor the commitment's previous report; without it, the moment of the completion). Each report is kept as a
 * dated entry of the commitment's timeline. The report may also propose an amendment of the commitment
 * ({@link AmendmentProposal}), which the titulars then vote.
 */
@Component
class ReportProgressCompletion implements TaskCompletion {

  /** The key of a row's measured value of its activity's indicator. */
  static final String VALUE = "value";

  /** Every field of the report; all stay on the task (the plan of record keeps what later steps read). */
  private static final Set<String> FIELDS = all();

  private final ImplementationRepository implementation;
  private final CommitmentRepository commitments;
  private final EvidenceCapture evidenceCapture;
  private final PlanOfRecord plan;
  private final ExerciseRepository exercises;
  private final AmendmentRepository amendments;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  ReportProgressCompletion(ImplementationRepository implementation, CommitmentRepository commitments,
      EvidenceCapture evidenceCapture, PlanOfRecord plan, ExerciseRepository exercises,
      AmendmentRepository amendments, FollowUpSummary summary, CommitmentAmendments amendmentModel) {
    this.shown = Map.of(
        VAR_COMMITMENT_SUMMARY, summary::commitment,
        VAR_ACTIVITY_PROGRESS, summary::progressTemplate,
        VAR_AMENDMENT_ACTIVITIES, amendmentModel::activityOptions);
    this.plan = plan;
    this.amendments = amendments;
    this.exercises = exercises;
    this.implementation = implementation;
    this.commitments = commitments;
    this.evidenceCapture = evidenceCapture;
  }

  @Override
  public String taskKey() {
    return TASK_REPORT_PROGRESS;
  }

  @Override
  public Set<String> fields() {
    return FIELDS;
  }

  @Override
  public Set<String> localFields() {
    return FIELDS;
  }

  private static Set<String> all() {
    Set<String> fields = new HashSet<>(
        Set.of(VAR_ACTIVITY_PROGRESS, VAR_REPORTED_ON, VAR_NARRATIVE, VAR_EVIDENCE_URL, VAR_EVIDENCE));
    fields.addAll(AmendmentProposal.FIELDS);
    return Set.copyOf(fields);
  }

  /** The commitment, the rows of its activities with their status, and the activities an amendment may name. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    statuses(input);
    String url = input.optionalText(VAR_EVIDENCE_URL, TaskInput.URL);
    if (url != null && !isWebLink(url)) {
      input.reject(VAR_EVIDENCE_URL, "«" + TextRules.excerpt(url)
          + "» no es un enlace web válido (debe empezar con http:// o https://)");
    }
    EvidenceFiles.check(input, VAR_EVIDENCE, input.typed(VAR_EVIDENCE));
    input.optionalText(VAR_NARRATIVE, TaskInput.TEXT);
    Instant reportedOn = input.optionalDate(VAR_REPORTED_ON);
    if (reportedOn != null) {
      LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
      if (Dates.localDate(reportedOn).isAfter(today)) {
        input.reject(VAR_REPORTED_ON, "no puede ser posterior a hoy (" + MexicanDates.longDate(today) + ")");
      }
      String exerciseId = ExerciseScope.exerciseId(input);
      MilestoneOrder.notBefore(input, VAR_REPORTED_ON, reportedOn,
          exercises.findById(exerciseId).map(Exercise::launchDate).orElse(null), "el lanzamiento del PAL");
      List<ProgressReport> earlier = implementation.reports(exerciseId, commitment(input));
      if (!earlier.isEmpty()) {
        MilestoneOrder.notBefore(input, VAR_REPORTED_ON, reportedOn, earlier.get(earlier.size() - 1).reportedAt(),
            "el informe anterior de este compromiso");
      }
    }
    proposal(input);
  }

  /** The amendment the report proposes, if any (violations into {@code input}). */
  private Optional<AmendmentProposal.Proposal> proposal(TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(input);
    int position = commitment(input);
    Commitment recorded = commitments.findByExercise(exerciseId).stream().filter(c -> c.position() == position)
        .findFirst().orElseThrow(() -> new IllegalStateException("Sin compromiso " + position + " en " + exerciseId));
    // The statuses as this very report leaves them: an activity it concludes is not amended.
    Map<Integer, String> reported = statuses(input);
    Commitment current = new Commitment(recorded.position(), recorded.title(), recorded.problem(),
        recorded.description(), recorded.responsible(), recorded.sdgs(), recorded.criteria(),
        recorded.activities().stream().map(a -> new Commitment.Activity(a.position(), a.title(), a.product(),
            a.indicator(), a.baseline(), a.target(), a.dueDate(), reported.getOrDefault(a.position(), a.status())))
            .toList());
    LocalDate palEnd = exercises.findById(exerciseId).map(Exercise::palEnd).map(Dates::localDate).orElse(null);
    return AmendmentProposal.read(input, current, palEnd);
  }

  /** The day of the report as the STL gave it, or the moment of the completion. */
  private static Instant reportedAt(TaskInput input) {
    Instant reportedOn = input.optionalDate(VAR_REPORTED_ON);
    return reportedOn != null ? reportedOn : ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    int commitment = commitment(input);
    Map<Integer, String> statuses = statuses(input);
    double progress = implementation.updateStatuses(exerciseId, commitment, statuses);
    var evidence = input.typed(VAR_EVIDENCE);
    String evidenceName = evidence instanceof FileValue file && file.getValue() != null ? file.getFilename() : null;
    int number = implementation.addReport(exerciseId, commitment, task.getId(), TaskMinutes.actor(task),
        reportedAt(input), input.json(VAR_ACTIVITY_PROGRESS).toString(), progress,
        input.optionalText(VAR_EVIDENCE_URL, TaskInput.URL), evidenceName, input.optionalText(VAR_NARRATIVE, TaskInput.TEXT));
    String title = commitments.findByExercise(exerciseId).stream().filter(c -> c.position() == commitment)
        .map(Commitment::title).findFirst().orElse("");
    String source = "Informe de avance " + number + " — Compromiso " + commitment + ": " + title;
    evidenceCapture.file(task, source, evidence);
    evidenceCapture.link(task, source, input.optionalText(VAR_EVIDENCE_URL, TaskInput.URL));
    proposal(input).ifPresent(p -> amendments.propose(exerciseId, commitment, task.getProcessInstanceId(), task.getId(),
        TaskMinutes.actor(task), ClockUtil.getCurrentTime().toInstant(), p.kind(), p.activity(), p.change(), p.reason()));
  }

  /** The submitted statuses by activity position; violations reported into {@code input}. */
  private Map<Integer, String> statuses(TaskInput input) {
    Map<Integer, String> statuses = new LinkedHashMap<>();
    JsonNode rows = input.list(VAR_ACTIVITY_PROGRESS, 1, Commitments.MAX_ACTIVITIES, "actividad");
    if (rows == null) {
      return statuses;
    }
    int activities = implementation.activityCount(ExerciseScope.exerciseId(input), commitment(input));
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = path(VAR_ACTIVITY_PROGRESS, i);
      if (!row.isObject()) {
        input.reject(at, "debe ser una actividad con su estado (objeto)");
        continue;
      }
      String activity = input.text(row, "activity", at, 10);
      String status = input.oneOf(row, "status", at, STATUSES);
      // The value the activity's indicator reached (optional; the dashboard measures it against baseline and target).
      input.optionalText(row, VALUE, at, TaskInput.LINE);
      if (activity == null) {
        continue;
      }
      if (!activity.matches("\\d+") || Integer.parseInt(activity) < 1 || Integer.parseInt(activity) > activities) {
        input.reject(at + ".activity", "«" + activity + "» no es una actividad de este compromiso (1 a " + activities + ")");
      } else if (statuses.containsKey(Integer.parseInt(activity))) {
        input.reject(at + ".activity", "la actividad " + activity + " aparece más de una vez");
      } else if (status != null) {
        statuses.put(Integer.parseInt(activity), status);
      }
    }
    return statuses;
  }

  /** The commitment this report is about: the plan of record's binding of the task's instance. */
  private int commitment(TaskInput input) {
    DelegateTask task = input.task().orElseThrow();
    return plan.commitmentOf(task.getExecution());
  }

  private static boolean isWebLink(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
