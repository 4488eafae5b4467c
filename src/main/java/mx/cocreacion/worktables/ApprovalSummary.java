package mx.cocreacion.worktables;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.CommitmentForms;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code approvalSummary}: the consolidated commitments as each STL titular's approve-commitments task
 * shows them (input mapping {@code commitmentsSummary}), read from the draft in the plan of record and put
 * into words by {@link CommitmentForms#summary}.
 */
@Component("approvalSummary")
public class ApprovalSummary {

  private final CommitmentViews views;

  public ApprovalSummary(CommitmentViews views) {
    this.views = views;
  }

  public SpinJsonNode of(DelegateExecution execution) {
    var list = TaskInput.mapper().createArrayNode();
    views.of(ExerciseScope.exerciseId(execution)).forEach(c -> list.add(CommitmentForms.summary(c)));
    return Spin.JSON(list.toString());
  }
}
