package mx.cocreacion.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LocalFields} in both of the engine's command chains, inside the command context (after
 * Camunda's own interceptors), so it runs for every completion whatever the way in.
 */
@Component
public class LocalFieldsPlugin extends AbstractProcessEnginePlugin {

  // Resolved at the first completion: the completions' beans need the engine this plugin configures.
  private final ObjectProvider<TaskCompletionListener> completions;

  public LocalFieldsPlugin(ObjectProvider<TaskCompletionListener> completions) {
    this.completions = completions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new LocalFields(this::localFields)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new LocalFields(this::localFields)));
  }

  private Set<String> localFields(String taskKey) {
    TaskCompletionListener listener = completions.getObject();
    return listener.handles(taskKey) ? listener.completion(taskKey).localFields() : Set.of();
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> others, CommandInterceptor interceptor) {
    List<CommandInterceptor> chain = others == null ? new ArrayList<>() : new ArrayList<>(others);
    chain.add(interceptor);
    return chain;
  }
}
