package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TitularVote;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * vote-facilitator: each titular votes for or against the proposed facilitator ({@code facilitatorApproved});
 * whoever votes against says why ({@code facilitatorComments}). The vote is the seat of the task's assignee,
 * recorded on the exercise's proposal in vote (the plan of record's, not a variable).
 */
@Component
class VoteFacilitatorCompletion implements TaskCompletion {

  private final FacilitatorProposalRepository proposals;
  private final FacilitatorVote model;
  private final StandInRepository standIns;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  VoteFacilitatorCompletion(FacilitatorProposalRepository proposals, FacilitatorVote model,
      StandInRepository standIns) {
    this.shown = Map.of(VAR_FACILITATOR_PROPOSAL, model::proposal);
    this.standIns = standIns;
    this.proposals = proposals;
    this.model = model;
  }

  @Override
  public String taskKey() {
    return TASK_VOTE_FACILITATOR;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_FACILITATOR_APPROVED, VAR_FACILITATOR_COMMENTS);
  }

  @Override
  public Set<String> localFields() {
    return fields();
  }

  /** The proposal voted: name, reason, who proposed it and when. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    TitularVote.validate(input, VAR_FACILITATOR_APPROVED, VAR_FACILITATOR_COMMENTS);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    String voter = TitularVote.voter(task, model.titularsOf(exerciseId), VAR_FACILITATOR_APPROVED, standIns);
    FacilitatorProposal proposal = proposals.inVote(exerciseId)
        .orElseThrow(() -> new IllegalStateException("No hay propuesta de persona facilitadora en votación"));
    proposals.vote(proposal.id(), new FacilitatorProposal.Vote(voter, input.bool(VAR_FACILITATOR_APPROVED),
        input.optionalText(VAR_FACILITATOR_COMMENTS, TaskInput.TEXT), ClockUtil.getCurrentTime().toInstant()));
  }
}
