package mx.cocreacion.tenancy;

import mx.cocreacion.exercise.ExerciseVariables;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Process definitions are shared (deployed without tenant); each instance takes its tenant from
 * the {@code entity} start variable, and a called instance from its caller. Tasks, jobs and
 * history inherit it. The variable (not the current user) decides, so timers and jobs that run
 * without a user get the right tenant too.
 */
public class ExerciseTenantIdProvider implements TenantIdProvider {

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    Object entity = ctx.getVariables() == null ? null : ctx.getVariables().get(ExerciseVariables.ENTITY);
    if (entity instanceof String code && EntityCatalogue.exists(code)) {
      return code;
    }
    // No valid entity: no tenant. The start listener refuses such an exercise with a clear message.
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }
}
