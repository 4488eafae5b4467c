package mx.cocreacion.exercise;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * End of local-exercise (finished, or cancelled in Cockpit): the exercise is closed in the plan
 * of record and its business key is free for a new exercise.
 */
@Component("closeExerciseListener")
public class CloseExerciseListener implements ExecutionListener {

  private final ExerciseRepository exercises;

  public CloseExerciseListener(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    if (exerciseId != null) {
      exercises.close(exerciseId, ClockUtil.now().toInstant());
    }
  }
}
