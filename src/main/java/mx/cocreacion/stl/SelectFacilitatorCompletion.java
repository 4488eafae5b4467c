package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * select-facilitator («Proponer persona facilitadora»): a member of the STL proposes a person, with name, a valid
 * e-mail (the account is created from it once the STL approves) and why. The proposal goes to the titulars' vote.
 */
@Component
class SelectFacilitatorCompletion implements TaskCompletion {

  private final FacilitatorProposalRepository proposals;
  private final AccountProvisioning accounts;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  SelectFacilitatorCompletion(FacilitatorProposalRepository proposals, AccountProvisioning accounts, FacilitatorVote model) {
    this.shown = Map.of(VAR_FACILITATOR_HISTORY, model::history);
    this.proposals = proposals;
    this.accounts = accounts;
  }

  @Override
  public String taskKey() {
    return TASK_SELECT_FACILITATOR;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_FACILITATOR_NAME, VAR_FACILITATOR_EMAIL, VAR_FACILITATOR_REASON);
  }

  @Override
  public Set<String> localFields() {
    return fields();
  }

  /** The earlier proposals and why they were not approved. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_FACILITATOR_NAME, TaskInput.NAME);
    input.optionalText(VAR_FACILITATOR_REASON, TaskInput.TEXT);
    String email = input.email(VAR_FACILITATOR_EMAIL);
    if (email != null) {
      input.task().ifPresent(task -> accounts.refusal(email, task.getTenantId())
          .ifPresent(refusal -> input.reject(VAR_FACILITATOR_EMAIL, refusal)));
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    proposals.propose(ExerciseScope.exerciseId(task), input.text(VAR_FACILITATOR_NAME, TaskInput.NAME),
        input.email(VAR_FACILITATOR_EMAIL), input.optionalText(VAR_FACILITATOR_REASON, TaskInput.TEXT),
        TaskMinutes.actor(task), ClockUtil.getCurrentTime().toInstant());
  }
}
