package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * schedule-pal: the PAL is valid at least one year ({@code palEnd} ≥ {@code palStart} + 1 year);
 * more than two years needs a {@code durationJustification} (seed step 5). The approved plan's activities are
 * carried out while the PAL is valid: {@code palStart} not after the first activity's due date, {@code palEnd} not
 * before the last one's. The STL sets them in a session whose minutes are required (a file, or attached in Tasklist)
 * and published as evidence.
 */
@Component
class SchedulePalCompletion implements TaskCompletion {

  /** An activity of the approved plan with its commitment's number (to name it in a message). */
  private record Due(int commitment, Commitment.Activity activity) {}

  static final String MINUTES_MISSING = "es obligatoria: anexe el acta de la sesión en la que el STL fijó la vigencia "
      + "del PAL en la pestaña «Evidencia» de esta tarea (PDF, imagen o documento de oficina, hasta 10 MB) antes de "
      + "completarla";

  private final CommitmentRepository commitments;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  SchedulePalCompletion(CommitmentRepository commitments, RequiredEvidence required, EvidenceCapture evidence, ApprovedPlanSummary approvedPlan) {
    this.shown = Map.of(VAR_APPROVED_PLAN, approvedPlan::of);
    this.commitments = commitments;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_SCHEDULE_PAL;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_PAL_START, VAR_PAL_END, VAR_DURATION_JUSTIFICATION, VAR_PAL_MINUTES);
  }

  /** The approved plan: its commitments, activities and first and last due days. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    Instant start = input.date(VAR_PAL_START);
    Instant end = input.date(VAR_PAL_END);
    String justification = input.optionalText(VAR_DURATION_JUSTIFICATION, TaskInput.TEXT);
    required.require(input, VAR_PAL_MINUTES, null, MINUTES_MISSING);
    if (start == null || end == null) {
      return;
    }
    ZonedDateTime startDay = start.atZone(Dates.MEXICO);
    if (end.isBefore(startDay.plusYears(1).toInstant())) {
      input.reject(VAR_PAL_END, "el PAL debe tener una vigencia de al menos un año: la fecha de fin debe ser igual o "
          + "posterior al " + Dates.localDate(startDay.plusYears(1).toInstant()));
    } else if (end.isAfter(startDay.plusYears(2).toInstant()) && justification == null && input.isValid()) {
      input.reject(VAR_DURATION_JUSTIFICATION,
          "es obligatoria cuando la vigencia del PAL supera dos años: explique por qué");
    }
    if (input.isValid()) {
      activitiesWithin(input, Dates.localDate(start), Dates.localDate(end));
    }
  }

  private void activitiesWithin(TaskInput input, LocalDate start, LocalDate end) {
    var dues = commitments.findByExercise(ExerciseScope.exerciseId(input)).stream()
        .flatMap(c -> c.activities().stream().filter(a -> a.dueDate() != null).map(a -> new Due(c.position(), a)))
        .toList();
    Optional<Due> first = dues.stream().min(Comparator.comparing(d -> d.activity().dueDate()));
    Optional<Due> last = dues.stream().max(Comparator.comparing(d -> d.activity().dueDate()));
    first.filter(d -> start.isAfter(d.activity().dueDate())).ifPresent(d -> input.reject(VAR_PAL_START,
        "no puede ser posterior a la fecha de término de la primera actividad del plan (" + describe(d)
            + "): las actividades se realizan durante la vigencia del PAL"));
    last.filter(d -> end.isBefore(d.activity().dueDate())).ifPresent(d -> input.reject(VAR_PAL_END,
        "no puede ser anterior a la fecha de término de la última actividad del plan (" + describe(d)
            + "): las actividades se realizan durante la vigencia del PAL"));
  }

  private static String describe(Due d) {
    return MexicanDates.longDate(d.activity().dueDate()) + ", «" + d.activity().label() + "» del compromiso "
        + d.commitment();
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    task.setVariable(VAR_PAL_START, TaskInput.toDate(input.date(VAR_PAL_START)));
    task.setVariable(VAR_PAL_END, TaskInput.toDate(input.date(VAR_PAL_END)));
    evidence.file(task, "Acta de la sesión del STL que fijó la vigencia del PAL", input.typed(VAR_PAL_MINUTES));
  }
}
