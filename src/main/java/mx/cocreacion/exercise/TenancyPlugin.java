package mx.cocreacion.exercise;

import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Registers the tenant id provider and creates the 32 tenants (idempotent) when the engine is built. */
@Component
@Order(10)
public class TenancyPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TenancyPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new ExerciseTenantIdProvider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    int created = 0;
    for (Entity entity : EntityCatalogue.all()) {
      if (identity.createTenantQuery().tenantId(entity.code()).count() == 0) {
        var tenant = identity.newTenant(entity.code());
        tenant.setName(entity.name());
        identity.saveTenant(tenant);
        created++;
      }
    }
    LOG.info("Tenants: {} entidades ({} created now)", EntityCatalogue.all().size(), created);
  }
}
