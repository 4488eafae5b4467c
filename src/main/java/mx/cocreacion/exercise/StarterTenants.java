package mx.cocreacion.exercise;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who starts an exercise and for which entidades they may do it. */
@Component
public class StarterTenants {

  /**
   * True when nobody is authenticated (internal or Java API call), the starter administers the
   * platform, or the entidad is one of the starter's tenants (directly or through a group; INAI is
   * a member of every tenant).
   */
  public boolean mayStartFor(DelegateExecution execution, String entity) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return true;
    }
    List<String> groups = auth.getGroupIds();
    if (groups != null && groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    List<String> tenants = auth.getTenantIds();
    if (tenants == null || tenants.isEmpty()) {
      tenants = identity.createTenantQuery().userMember(auth.getUserId()).includingGroupsOfUser(true)
          .list().stream().map(Tenant::getId).toList();
    }
    return tenants.contains(entity);
  }

  public String currentUser(DelegateExecution execution) {
    Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
