package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.security.Roles;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After select-facilitator: the facilitator gets an account in group {@code facilitator} of the tenant. */
@Component("provisionFacilitatorAccountDelegate")
public class ProvisionFacilitatorAccountDelegate implements JavaDelegate {

  private final AccountProvisioning accounts;

  public ProvisionFacilitatorAccountDelegate(AccountProvisioning accounts) {
    this.accounts = accounts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String userId = accounts.provision((String) execution.getVariable(VAR_FACILITATOR_NAME),
        (String) execution.getVariable(VAR_FACILITATOR_EMAIL), Roles.FACILITATOR, execution.getTenantId());
    execution.setVariable(VAR_FACILITATOR_USER, userId);
  }
}
