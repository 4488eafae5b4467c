package mx.cocreacion.completion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link LocalFields} and {@link ShownFields} in both of the engine's command chains, inside the command
 * context (after Camunda's own interceptors), so they run for every completion and every read of a task's
 * variables whatever the way in.
 */
@Component
public class TaskFieldsPlugin extends AbstractProcessEnginePlugin {

  // Resolved at the first completion or read: the completions' beans need the engine this plugin configures.
  private final ObjectProvider<TaskCompletionListener> completions;
  // Then kept: looking the bean up through the provider at every command was 1 % of a node's request CPU
  // (docs/benchmark.md, session 25). A task key's fields are fixed by its TaskCompletion, so they are kept too.
  private volatile TaskCompletionListener listener;
  private final Map<String, Set<String>> localByTask = new ConcurrentHashMap<>();

  public TaskFieldsPlugin(ObjectProvider<TaskCompletionListener> completions) {
    this.completions = completions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  /** The task's local fields, and the shown fields its form may send back. */
  private Set<String> localFields(String taskKey) {
    return taskKey == null ? Set.of() : localByTask.computeIfAbsent(taskKey, this::readLocalFields);
  }

  private Set<String> readLocalFields(String taskKey) {
    TaskCompletionListener listener = listener();
    if (!listener.handles(taskKey)) {
      return Set.of();
    }
    TaskCompletion completion = listener.completion(taskKey);
    Set<String> local = new HashSet<>(completion.localFields());
    local.addAll(completion.shown().keySet());
    return Set.copyOf(local);
  }

  private Map<String, Function<DelegateExecution, SpinJsonNode>> shown(String taskKey) {
    TaskCompletionListener listener = listener();
    return listener.handles(taskKey) ? listener.completion(taskKey).shown() : Map.of();
  }

  private TaskCompletionListener listener() {
    TaskCompletionListener known = listener;
    if (known == null) {
      known = completions.getObject();
      listener = known;
    }
    return known;
  }

  private List<CommandInterceptor> with(List<CommandInterceptor> others) {
    List<CommandInterceptor> chain = others == null ? new ArrayList<>() : new ArrayList<>(others);
    chain.add(new LocalFields(this::localFields));
    chain.add(new ShownFields(this::shown));
    return chain;
  }
}
