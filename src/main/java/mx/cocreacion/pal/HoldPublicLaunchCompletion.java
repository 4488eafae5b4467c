package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.time.Instant;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.MilestoneOrder;
import mx.cocreacion.plan.PalCalendar;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * hold-public-launch: the date and place of the public event that starts the implementation. The launch
 * must leave INAI's monitoring (six months after it) before the PAL ends, so that the year-end evaluation
 * never comes without it. The event leaves a record on the microsite: a file (photographs, the invitation, the
 * attendance list), a web link (the recording, a press note) or an attachment of the task.
 */
@Component
class HoldPublicLaunchCompletion implements TaskCompletion {

  static final String EVIDENCE_MISSING = "es obligatoria: anexe en la pestaña «Evidencia» de esta tarea las "
      + "fotografías, la invitación o la lista de asistencia del evento (PDF, imagen o documento de oficina, hasta 10 MB), "
      + "o registre el enlace a su grabación o nota";

  private final ExerciseRepository exercises;
  private final PalCalendar calendar;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;

  HoldPublicLaunchCompletion(ExerciseRepository exercises, PalCalendar calendar, RequiredEvidence required,
      EvidenceCapture evidence) {
    this.exercises = exercises;
    this.calendar = calendar;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_HOLD_PUBLIC_LAUNCH;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_LAUNCH_DATE, VAR_LAUNCH_PLACE, VAR_LAUNCH_EVIDENCE, VAR_LAUNCH_EVIDENCE_URL);
  }

  @Override
  public void validate(TaskInput input) {
    Instant launch = input.date(VAR_LAUNCH_DATE);
    input.text(VAR_LAUNCH_PLACE, TaskInput.NAME);
    required.require(input, VAR_LAUNCH_EVIDENCE, VAR_LAUNCH_EVIDENCE_URL, EVIDENCE_MISSING);
    // The PAL's validity as schedule-pal recorded it in the plan of record.
    Exercise exercise = exercises.findById(ExerciseScope.exerciseId(input)).orElseThrow();
    Instant palEnd = exercise.palEnd();
    MilestoneOrder.notBefore(input, VAR_LAUNCH_DATE, launch, exercise.lastTableDate(), "la última mesa de trabajo");
    // The launch starts the implementation of a PAL already in force (schedule-pal set when it starts).
    MilestoneOrder.notBefore(input, VAR_LAUNCH_DATE, launch, exercise.palStart(), "el inicio de la vigencia del PAL");
    if (launch != null && palEnd != null && calendar.monitoringDate(launch).isAfter(palEnd)) {
      input.reject(VAR_LAUNCH_DATE, "debe dejar al menos " + calendar.monitoringAfterText()
          + " de implementación antes del fin de la vigencia del PAL (" + MexicanDates.longDate(palEnd)
          + ") para el monitoreo del INAI: a más tardar el " + MexicanDates.longDate(calendar.latestLaunch(palEnd)));
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    task.setVariable(VAR_LAUNCH_DATE, TaskInput.toDate(input.date(VAR_LAUNCH_DATE)));
    evidence.file(task, "Registro del lanzamiento público del PAL", input.typed(VAR_LAUNCH_EVIDENCE));
    evidence.link(task, "Registro del lanzamiento público del PAL", input.optionalText(VAR_LAUNCH_EVIDENCE_URL, TaskInput.URL));
  }
}
