package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.Commitments;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * consolidate-commitments: at least one commitment, each with a title, ODS within 1–17, the
 * quality criteria, and at least one activity with product, indicator, target and due date.
 * The commitments are stored as the draft the STL votes on; the variable is rewritten in the
 * contract's canonical form. After a vote of the STL, the commitments it approved stay as they are, at their
 * positions ({@link ApprovedCommitments}): only the returned ones change, and only they (and new ones) go to
 * the next vote.
 */
@Component
class ConsolidateCommitmentsCompletion implements TaskCompletion {

  private final CommitmentRepository commitments;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  ConsolidateCommitmentsCompletion(CommitmentRepository commitments, TablesSummary tables, ApprovalSummary approvals) {
    this.shown = Map.of(VAR_TABLES_SUMMARY, tables::of, VAR_APPROVAL_OUTCOME, approvals::outcome);
    this.commitments = commitments;
  }

  @Override
  public String taskKey() {
    return TASK_CONSOLIDATE_COMMITMENTS;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_COMMITMENTS);
  }

  /** The tables held and, after a vote, which commitments the STL returned, by whom and why. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    List<Commitment> draft = Commitments.read(input, VAR_COMMITMENTS);
    ApprovedCommitments.check(input, VAR_COMMITMENTS, ExerciseScope.exerciseId(input), draft, commitments);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    List<Commitment> draft = Commitments.read(input, VAR_COMMITMENTS);
    task.setVariable(VAR_COMMITMENTS, SpinValues.jsonValue(Commitments.toJson(draft).toString()).create());
    commitments.saveDraft(ExerciseScope.exerciseId(task), draft);
  }
}
