package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskInput;
import mx.cocreacion.completion.TaskMinutes;
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

  ApproveCommitmentsCompletion(ApprovalVoteRepository votes) {
    this.votes = votes;
  }

  @Override
  public String taskKey() {
    return TASK_APPROVE_COMMITMENTS;
  }

  @Override
  public void validate(TaskInput input) {
    Boolean approved = input.bool(VAR_APPROVED);
    if (Boolean.FALSE.equals(approved) && input.optionalText(VAR_COMMENTS) == null) {
      input.reject(VAR_COMMENTS, "es obligatorio cuando no se aprueban los compromisos: explique qué debe cambiar");
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    Object round = task.getVariable(VAR_APPROVAL_ROUND);
    String voter = task.getAssignee() != null ? task.getAssignee() : TaskMinutes.actor(task);
    votes.add(TaskMinutes.exerciseId(task), round instanceof Integer r ? r : 1,
        new ApprovalVote(voter, input.bool(VAR_APPROVED), input.optionalText(VAR_COMMENTS)),
        ClockUtil.getCurrentTime().toInstant());
  }
}
