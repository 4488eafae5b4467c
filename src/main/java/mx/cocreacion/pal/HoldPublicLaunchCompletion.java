package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.time.Instant;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * hold-public-launch: the date and place of the public event that starts the implementation;
 * the launch must happen before the PAL ends.
 */
@Component
class HoldPublicLaunchCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;

  HoldPublicLaunchCompletion(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public String taskKey() {
    return TASK_HOLD_PUBLIC_LAUNCH;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_LAUNCH_DATE, VAR_LAUNCH_PLACE);
  }

  @Override
  public void validate(TaskInput input) {
    Instant launch = input.date(VAR_LAUNCH_DATE);
    input.text(VAR_LAUNCH_PLACE, TaskInput.NAME);
    // The PAL's validity as schedule-pal recorded it in the plan of record.
    Instant palEnd = exercises.findById(ExerciseScope.exerciseId(input)).map(Exercise::palEnd).orElse(null);
    if (launch != null && palEnd != null && !launch.isBefore(palEnd)) {
      input.reject(VAR_LAUNCH_DATE, "debe ser anterior al fin de la vigencia del PAL (" + Dates.localDate(palEnd) + ")");
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    task.setVariable(VAR_LAUNCH_DATE, TaskInput.toDate(input.date(VAR_LAUNCH_DATE)));
  }
}
