package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.*;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TitularVote;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
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
  private final StandInRepository standIns;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  VoteAmendmentCompletion(AmendmentRepository amendments, CommitmentAmendments model, StandInRepository standIns) {
    this.shown = Map.of(VAR_AMENDMENT_SUMMARY, model::summary);
    this.standIns = standIns;
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
  public Set<String> localFields() {
    return fields();
  }

  /** The amendment proposed, its reason and the commitment it changes. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    TitularVote.validate(input, VAR_APPROVED, VAR_COMMENTS);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String voter = TitularVote.voter(task, model.titulars(ExerciseScope.exerciseId(task)), VAR_APPROVED, standIns);
    Amendment amendment = amendments.inVote(task.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No hay modificación en votación en " + task.getProcessInstanceId()));
    amendments.vote(amendment.id(), new Amendment.Vote(voter, input.bool(VAR_APPROVED),
        input.optionalText(VAR_COMMENTS, TaskInput.TEXT)), ClockUtil.getCurrentTime().toInstant());
  }
}
