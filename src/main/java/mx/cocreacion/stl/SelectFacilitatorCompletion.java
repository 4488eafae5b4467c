package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskInput;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.ExerciseRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** select-facilitator: name and a valid e-mail (the facilitator's account is created from it). */
@Component
class SelectFacilitatorCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;

  SelectFacilitatorCompletion(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public String taskKey() {
    return TASK_SELECT_FACILITATOR;
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_FACILITATOR_NAME);
    input.email(VAR_FACILITATOR_EMAIL);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    exercises.recordFacilitator(TaskMinutes.exerciseId(task), input.text(VAR_FACILITATOR_NAME));
  }
}
