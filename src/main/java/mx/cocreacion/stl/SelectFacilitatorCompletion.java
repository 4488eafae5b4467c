package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** select-facilitator: name and a valid e-mail (the facilitator's account is created from it). */
@Component
class SelectFacilitatorCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;
  private final AccountProvisioning accounts;

  SelectFacilitatorCompletion(ExerciseRepository exercises, AccountProvisioning accounts) {
    this.exercises = exercises;
    this.accounts = accounts;
  }

  @Override
  public String taskKey() {
    return TASK_SELECT_FACILITATOR;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_FACILITATOR_NAME, VAR_FACILITATOR_EMAIL);
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_FACILITATOR_NAME, TaskInput.NAME);
    String email = input.email(VAR_FACILITATOR_EMAIL);
    if (email != null) {
      input.task().ifPresent(task -> accounts.refusal(email, task.getTenantId())
          .ifPresent(refusal -> input.reject(VAR_FACILITATOR_EMAIL, refusal)));
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    exercises.recordFacilitator(ExerciseScope.exerciseId(task), input.text(VAR_FACILITATOR_NAME, TaskInput.NAME));
  }
}
