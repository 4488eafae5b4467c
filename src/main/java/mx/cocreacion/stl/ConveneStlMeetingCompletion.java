package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.MilestoneOrder;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * convene-stl-meeting: the meeting where the STL is elected, announced before it happens: its day (not before
 * the declaration was signed), its place, and whom the organismo garante convenes (the local actors registered
 * in step 2 unless it says otherwise, and anyone else it names). Kept in the plan of record; the microsite and
 * the calendar feeds announce it.
 */
@Component
class ConveneStlMeetingCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  ConveneStlMeetingCompletion(ExerciseRepository exercises, ElectionCandidates candidates) {
    this.shown = Map.of(VAR_REGISTERED_ACTORS, candidates::of);
    this.exercises = exercises;
  }

  @Override
  public String taskKey() {
    return TASK_CONVENE_STL_MEETING;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_MEETING_DATE, VAR_MEETING_PLACE, VAR_MEETING_INVITEES, VAR_INVITE_REGISTERED_ACTORS);
  }

  /** The local actors step 2 registered, to invite them. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    Instant meeting = input.date(VAR_MEETING_DATE);
    Instant declaration = exercises.findById(ExerciseScope.exerciseId(input)).map(Exercise::declarationDate).orElse(null);
    MilestoneOrder.notBefore(input, VAR_MEETING_DATE, meeting, declaration, "la firma de la declaración conjunta");
    input.text(VAR_MEETING_PLACE, TaskInput.NAME);
    String invitees = input.optionalText(VAR_MEETING_INVITEES, TaskInput.TEXT);
    if (input.raw(VAR_INVITE_REGISTERED_ACTORS) != null && Boolean.FALSE.equals(input.bool(VAR_INVITE_REGISTERED_ACTORS))
        && invitees == null) {
      input.reject(VAR_MEETING_INVITEES, "es obligatorio si no se convoca a los actores locales registrados: "
          + "diga a quién se convoca a la reunión");
    }
  }

  /** Convening the registered actors is the default: only an explicit false leaves them out. */
  private static boolean invitesActors(TaskInput input) {
    return input.raw(VAR_INVITE_REGISTERED_ACTORS) == null || !Boolean.FALSE.equals(input.bool(VAR_INVITE_REGISTERED_ACTORS));
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    Date meetingDate = TaskInput.toDate(input.date(VAR_MEETING_DATE));
    task.setVariable(VAR_MEETING_DATE, meetingDate);
    exercises.recordMeeting(ExerciseScope.exerciseId(task), meetingDate, input.optionalText(VAR_MEETING_PLACE, TaskInput.NAME),
        input.optionalText(VAR_MEETING_INVITEES, TaskInput.TEXT), invitesActors(input));
  }
}
