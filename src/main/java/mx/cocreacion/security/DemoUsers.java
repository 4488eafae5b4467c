package mx.cocreacion.security;

import java.util.List;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: for each demo tenant the users {@code <tenant>-guarantor}, {@code -society} and
 * {@code -government} (in the matching group and tenant) and {@code inai-monitor} (group inai).
 * The administrator {@code admin} comes from {@code camunda.bpm.admin-user}.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cocreacion.demo.enabled", havingValue = "true")
public class DemoUsers extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  public static final String INAI_MONITOR = "inai-monitor";

  private final DemoProperties demo;

  public DemoUsers(DemoProperties demo) {
    this.demo = demo;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (String tenant : demo.tenants()) {
      for (String role : List.of(Roles.GUARANTOR, Roles.SOCIETY, Roles.GOVERNMENT)) {
        String userId = tenant + "-" + role;
        user(identity, userId, Roles.label(role), EntityCatalogue.nameOf(tenant), role);
        if (identity.createTenantQuery().tenantId(tenant).userMember(userId).count() == 0) {
          identity.createTenantUserMembership(tenant, userId);
        }
      }
    }
    user(identity, INAI_MONITOR, "Monitoreo", "INAI", Roles.INAI);
    LOG.warn("Modo demo: usuarios de demostración con contraseña '{}' para {}", demo.password(), demo.tenants());
  }

  private void user(IdentityService identity, String id, String first, String last, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(first);
      user.setLastName(last);
      user.setEmail(id + "@demo.cocreacion.mx");
      user.setPassword(demo.password());
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
  }
}
