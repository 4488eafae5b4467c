package mx.cocreacion.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EndUserGuard} first in both of the engine's command chains, so every command a
 * person runs, through any REST root, a webapp or the Java API, passes it.
 */
@Component
public class EndUserGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EndUserGuard guard = new EndUserGuard(configuration);
    configuration.setCustomPreCommandInterceptorsTxRequired(
        first(guard, configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        first(guard.copy(), configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> first(CommandInterceptor guard, List<CommandInterceptor> others) {
    List<CommandInterceptor> chain = new ArrayList<>();
    chain.add(guard);
    if (others != null) {
      chain.addAll(others);
    }
    return chain;
  }
}
