package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.util.List;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * approve-commitments: each titular approves or not ({@code approved}); whoever does not approve
 * says why ({@code comments}), so the facilitator knows what to change. The vote is recorded.
 */
@Component
class ApproveCommitmentsCompletion implements TaskCompletion {

  private final ApprovalVoteRepository votes;
  private final StlRoster roster;

  ApproveCommitmentsCompletion(ApprovalVoteRepository votes, StlRoster roster) {
    this.votes = votes;
    this.roster = roster;
  }

  @Override
  public String taskKey() {
    return TASK_APPROVE_COMMITMENTS;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_APPROVED, VAR_COMMENTS);
  }

  @Override
  public void validate(TaskInput input) {
    Boolean approved = input.bool(VAR_APPROVED);
    String comments = input.optionalText(VAR_COMMENTS, TaskInput.TEXT);
    if (Boolean.FALSE.equals(approved) && comments == null && input.isValid()) {
      input.reject(VAR_COMMENTS, "es obligatorio cuando no se aprueban los compromisos: explique qué debe cambiar");
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    Object round = task.getVariable(VAR_APPROVAL_ROUND);
    String voter = task.getAssignee() != null ? task.getAssignee() : TaskMinutes.actor(task);
    String exerciseId = ExerciseScope.exerciseId(task);
    // Each vote is a titular's seat: the task's assignee (the model assigns it), who must hold one.
    if (voter == null || !roster.titularsOf(exerciseId).contains(voter)) {
      throw new ValidationException("completar la tarea «" + task.getName() + "»", List.of(new Violation(VAR_APPROVED,
          "solo vota quien es titular del STL de este ejercicio")));
    }
    votes.add(exerciseId, round instanceof Integer r ? r : 1,
        new ApprovalVote(voter, input.bool(VAR_APPROVED), input.optionalText(VAR_COMMENTS, TaskInput.TEXT)),
        ClockUtil.getCurrentTime().toInstant());
  }
}
