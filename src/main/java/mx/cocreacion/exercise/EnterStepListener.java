package mx.cocreacion.exercise;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of a call activity {@code step-N} of local-exercise: the exercise is now in step N. */
@Component("enterStepListener")
public class EnterStepListener implements ExecutionListener {

  private final ExerciseRepository exercises;

  public EnterStepListener(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    exercises.enterStep(exerciseId, LocalExerciseProcess.stepNumber(execution.getCurrentActivityId()));
  }
}
