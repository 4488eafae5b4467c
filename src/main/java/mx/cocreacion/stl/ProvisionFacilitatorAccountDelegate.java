package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After the STL approved its facilitator: the person gets an account in group {@code facilitator} of the tenant,
 * from the approved proposal in the plan of record (not from a variable).
 */
@Component("provisionFacilitatorAccountDelegate")
public class ProvisionFacilitatorAccountDelegate implements JavaDelegate {

  private final AccountProvisioning accounts;
  private final FacilitatorProposalRepository proposals;

  private final ExerciseRepository exercises;

  public ProvisionFacilitatorAccountDelegate(AccountProvisioning accounts, FacilitatorProposalRepository proposals,
      ExerciseRepository exercises) {
    this.accounts = accounts;
    this.proposals = proposals;
    this.exercises = exercises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    if (execution.getBpmnModelInstance().getModelElementById(TASK_VOTE_FACILITATOR) == null) {
      // An instance of a version before the STL's vote (docs/operations.md): the member's choice stands, as then.
      proposals.inVote(exerciseId).ifPresent(p -> {
        proposals.decide(p.id(), FacilitatorProposal.APPROVED, ClockUtil.getCurrentTime().toInstant());
        exercises.recordFacilitator(exerciseId, p.name());
      });
    }
    FacilitatorProposal chosen = proposals.latest(exerciseId)
        .filter(FacilitatorProposal::approved)
        .orElseThrow(() -> new IllegalStateException("El STL no ha aprobado a una persona facilitadora"));
    String userId = accounts.provision(chosen.name(), chosen.email(), Roles.FACILITATOR, execution.getTenantId());
    execution.setVariable(VAR_FACILITATOR_USER, userId);
  }
}
