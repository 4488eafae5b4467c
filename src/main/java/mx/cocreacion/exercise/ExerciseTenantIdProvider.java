package mx.cocreacion.exercise;

import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

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
    // The typed value: a start that sends `entity` as malformed Json is refused by the start listener, not
    // failed here by deserializing it.
    TypedValue typed = ctx.getVariables() == null ? null : ctx.getVariables().getValueTyped(ExerciseVariables.ENTITY);
    if (typed instanceof SerializableValue serialized && !serialized.isDeserialized()) {
      return null; // Json, Object, ...: not a text, the start listener refuses it (without reading it)
    }
    Object value = typed == null ? null : typed.getValue();
    if (value != null && !(value instanceof String)) {
      return null;
    }
    String entity = (String) value;
    if (entity != null && EntityCatalogue.exists(entity)) {
      return entity;
    }
    if (entity == null || entity.isBlank()) {
      // Tasklist start form left empty: the starter's only entidad (see StartExerciseListener).
      var configuration = Context.getProcessEngineConfiguration();
      if (configuration != null) {
        return StarterTenants.defaultEntity(configuration.getIdentityService()).orElse(null);
      }
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
