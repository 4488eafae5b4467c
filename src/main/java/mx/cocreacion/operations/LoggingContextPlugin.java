package mx.cocreacion.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine log lines (and the project's delegates and listeners, which run inside the engine) carry
 * the entidad and the exercise in the logging context (SLF4J MDC): {@code tenantId} and
 * {@code processInstanceId} are on by default in Camunda 7.24, the business key is off by default
 * and switched on here. The console pattern ({@code logging.pattern.correlation}) and the JSON
 * formats of {@code logging.structured.format.console} show them.
 */
@Component
@Order(30)
public class LoggingContextPlugin extends AbstractProcessEnginePlugin {

  public static final String MDC_TENANT = "tenantId";
  public static final String MDC_BUSINESS_KEY = "businessKey";
  public static final String MDC_PROCESS_DEFINITION_KEY = "processDefinitionKey";
  public static final String MDC_PROCESS_INSTANCE = "processInstanceId";
  public static final String MDC_ACTIVITY = "activityId";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoggingContextTenantId(MDC_TENANT);
    configuration.setLoggingContextBusinessKey(MDC_BUSINESS_KEY);
    configuration.setLoggingContextProcessDefinitionKey(MDC_PROCESS_DEFINITION_KEY);
    configuration.setLoggingContextProcessInstanceId(MDC_PROCESS_INSTANCE);
    configuration.setLoggingContextActivityId(MDC_ACTIVITY);
  }
}
