package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.VAR_STL_MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.security.Roles;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * After elect-stl (the election in step 3, or a re-election later): every titular and suplente gets
 * an account in group {@code stl} of the exercise's tenant and the STL is stored; a re-election
 * keeps the former STL as history, withdraws the access of whoever left it ({@link StlSuccession}).
 */
@Component("provisionStlAccountsDelegate")
public class ProvisionStlAccountsDelegate implements JavaDelegate {

  private final AccountProvisioning accounts;
  private final StlMemberRepository members;
  private final StlSuccession succession;

  public ProvisionStlAccountsDelegate(AccountProvisioning accounts, StlMemberRepository members,
      StlSuccession succession) {
    this.accounts = accounts;
    this.members = members;
    this.succession = succession;
  }

  @Override
  public void execute(DelegateExecution execution) {
    JsonNode elected = new TaskInput(execution).json(VAR_STL_MEMBERS);
    String tenant = execution.getTenantId();
    String exerciseId = ExerciseScope.exerciseId(execution);
    List<StlMember> former = members.active(exerciseId);
    List<StlMember> stl = new ArrayList<>();
    for (int i = 0; i < elected.size(); i++) {
      JsonNode m = elected.get(i);
      String name = m.get("name").asText().trim();
      String userId = accounts.provision(name, m.get("email").asText(), Roles.STL, tenant);
      stl.add(new StlMember(i + 1, name, userId, m.get("sector").asText(), m.get("role").asText(), userId));
    }
    members.replace(exerciseId, stl, ClockUtil.getCurrentTime().toInstant());
    succession.handOver(exerciseId, tenant, former, stl);
  }
}
