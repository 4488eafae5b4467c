package mx.cocreacion.stl;

import java.time.Instant;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.DecisionRule;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After every titular voted: decides the proposal under the STL's rule (the plan of record's, set in
 * define-stl-rules) and, when it carries, records the exercise's facilitator.
 */
@Component("tallyFacilitatorVoteDelegate")
public class TallyFacilitatorVoteDelegate implements JavaDelegate {

  private final FacilitatorProposalRepository proposals;
  private final ExerciseRepository exercises;
  private final FacilitatorVote model;

  public TallyFacilitatorVoteDelegate(FacilitatorProposalRepository proposals, ExerciseRepository exercises,
      FacilitatorVote model) {
    this.proposals = proposals;
    this.exercises = exercises;
    this.model = model;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    FacilitatorProposal proposal = proposals.inVote(exerciseId)
        .orElseThrow(() -> new IllegalStateException("No hay propuesta de persona facilitadora en votación"));
    String rule = exercises.findById(exerciseId).map(Exercise::decisionRule)
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene regla de decisión"));
    boolean carried = DecisionRule.carries(rule, model.yesSectors(exerciseId, proposal),
        model.titularsOf(exerciseId).size());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    proposals.decide(proposal.id(), carried ? FacilitatorProposal.APPROVED : FacilitatorProposal.REJECTED, now);
    if (carried) {
      exercises.recordFacilitator(exerciseId, proposal.name());
    }
  }
}
