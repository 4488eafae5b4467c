package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * record-stl-session: one session of the STL (ordinary or extraordinary) with its day, place, agreements and minutes.
 * The seed has the microsite concentrate «toda la evidencia documental de las actividades realizadas por el
 * Secretariado Técnico Local»; the sessions between the step tasks had no place to go. The day is the real one: not
 * after today, not before the STL's installation meeting (the plan of record's, never a submitted value).
 */
@Component
class RecordStlSessionCompletion implements TaskCompletion {

  static final String MINUTES_MISSING = "es obligatoria: anexe el acta de la sesión en la pestaña «Evidencia» de esta "
      + "tarea (PDF, imagen o documento de oficina, hasta 10 MB) antes de completarla";

  private final ExerciseRepository exercises;
  private final TaskMinutes minutes;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;

  RecordStlSessionCompletion(ExerciseRepository exercises, TaskMinutes minutes, RequiredEvidence required,
      EvidenceCapture evidence) {
    this.exercises = exercises;
    this.minutes = minutes;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return LocalExerciseProcess.TASK_RECORD_STL_SESSION;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_SESSION_DATE, VAR_SESSION_KIND, VAR_SESSION_PLACE, VAR_AGREEMENTS, VAR_SESSION_MINUTES);
  }

  @Override
  public void validate(TaskInput input) {
    Instant date = input.date(VAR_SESSION_DATE);
    if (date != null) {
      LocalDate day = Dates.localDate(date);
      LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
      Optional<LocalDate> installed = installation(input);
      if (day.isAfter(today)) {
        input.reject(VAR_SESSION_DATE, "no puede ser posterior a hoy (" + MexicanDates.longDate(today) + "): registre "
            + "la sesión una vez celebrada");
      } else if (installed.isPresent() && day.isBefore(installed.get())) {
        input.reject(VAR_SESSION_DATE, "no puede ser anterior a la reunión de instalación del STL ("
            + MexicanDates.longDate(installed.get()) + ")");
      }
    }
    input.oneOf(VAR_SESSION_KIND, SESSION_KINDS);
    input.text(VAR_SESSION_PLACE, TaskInput.LINE);
    input.text(VAR_AGREEMENTS, TaskInput.TEXT);
    required.require(input, VAR_SESSION_MINUTES, null, MINUTES_MISSING);
  }

  private Optional<LocalDate> installation(TaskInput input) {
    return input.task().map(ExerciseScope::exerciseId).flatMap(exercises::findById).map(Exercise::meetingDate)
        .map(Dates::localDate);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    LocalDate day = Dates.localDate(input.date(VAR_SESSION_DATE));
    String kind = input.oneOf(VAR_SESSION_KIND, SESSION_KINDS);
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("date", day.toString());
    session.put("kind", kind);
    session.put("place", input.text(VAR_SESSION_PLACE, TaskInput.LINE));
    session.put("agreements", input.text(VAR_AGREEMENTS, TaskInput.TEXT));
    minutes.record(task, RECORD_SESSION, session);
    evidence.file(task, "Acta de la sesión " + (SESSION_ORDINARY.equals(kind) ? "ordinaria" : "extraordinaria")
        + " del STL del " + MexicanDates.longDate(day), input.typed(VAR_SESSION_MINUTES));
  }
}
