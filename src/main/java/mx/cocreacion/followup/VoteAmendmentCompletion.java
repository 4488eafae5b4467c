package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.*;

import java.util.List;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * vote-amendment: each titular votes for or against the proposed amendment ({@code approved}); whoever votes
 * against says why ({@code comments}). The vote is the task's assignee's seat, recorded on the amendment the
 * instance votes (the plan of record's, not a variable).
 */
@Component
class VoteAmendmentCompletion implements TaskCompletion {

  private final AmendmentRepository amendments;
  private final CommitmentAmendments model;

  VoteAmendmentCompletion(AmendmentRepository amendments, CommitmentAmendments model) {
    this.amendments = amendments;
    this.model = model;
  }

  @Override
  public String taskKey() {
    return TASK_VOTE_AMENDMENT;
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
      input.reject(VAR_COMMENTS, "es obligatorio al votar en contra: explique por qué");
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String voter = task.getAssignee() != null ? task.getAssignee() : TaskMinutes.actor(task);
    if (voter == null || !model.titulars(ExerciseScope.exerciseId(task)).contains(voter)) {
      throw new ValidationException("completar la tarea «" + task.getName() + "»", List.of(new Violation(VAR_APPROVED,
          "solo vota quien es titular del STL de este ejercicio")));
    }
    Amendment amendment = amendments.inVote(task.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No hay modificación en votación en " + task.getProcessInstanceId()));
    amendments.vote(amendment.id(), new Amendment.Vote(voter, input.bool(VAR_APPROVED),
        input.optionalText(VAR_COMMENTS, TaskInput.TEXT)), ClockUtil.getCurrentTime().toInstant());
  }
}
