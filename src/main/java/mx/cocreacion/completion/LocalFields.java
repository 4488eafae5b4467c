package mx.cocreacion.completion;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.security.CommandFields;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Keeps a completion's {@linkplain TaskCompletion#localFields() local fields} on its task. Camunda stores the
 * variables of a completion in the task's execution, on their way up to the process instance unless a variable of
 * that name is found on the way; the models used to declare an empty input parameter for each such field, so it
 * stopped at the task's scope: a variable created, historized and deleted with every task, filled in or not.
 *
 * <p>Runs inside the engine command of every completion (engine REST {@code complete} and {@code submit-form},
 * Tasklist, the Java API), before the command itself: it sets the task's local fields that were submitted as
 * variables of the task and takes them out of the command, which stores the rest as before. The command then
 * checks the person's authorization and the task's state as always, and {@link TaskCompletionListener} checks
 * every submitted field ({@link #submitted}): a refusal rolls all of it back, nothing is stored. The task
 * the command names is read once (the command reads it again from the command's cache).
 */
final class LocalFields extends CommandInterceptor {

  private static final ThreadLocal<Submitted> SUBMITTED = new ThreadLocal<>();

  private final Function<String, Set<String>> localFieldsOfTask;

  /** {@code localFieldsOfTask}: the local fields of a task key (empty for a task without a completion). */
  LocalFields(Function<String, Set<String>> localFieldsOfTask) {
    this.localFieldsOfTask = localFieldsOfTask;
  }

  /** Everything the running completion submitted, its local fields included; null if this interceptor moved none. */
  static Map<String, Object> submitted(Command<?> command) {
    Submitted submitted = SUBMITTED.get();
    return submitted != null && submitted.command() == command ? submitted.variables() : null;
  }

  @Override
  public <T> T execute(Command<T> command) {
    String field = command.getClass() == CompleteTaskCmd.class ? "variables"
        : command.getClass() == SubmitTaskFormCmd.class ? "properties" : null;
    if (field == null) {
      return next.execute(command);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command, field);
    String taskId = CommandFields.string(command, "taskId");
    if (variables == null || variables.isEmpty() || taskId == null) {
      return next.execute(command);
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    Set<String> local = task == null ? Set.of() : localFieldsOfTask.apply(task.getTaskDefinitionKey());
    VariableMap typed = variables instanceof VariableMap map ? map : Variables.fromMap(variables);
    VariableMap kept = Variables.createVariables();
    VariableMap moved = Variables.createVariables();
    for (String name : typed.keySet()) {
      (local.contains(name) ? moved : kept).putValueTyped(name, typed.getValueTyped(name));
    }
    if (moved.isEmpty()) {
      return next.execute(command);
    }
    CommandFields.write(command, field, kept);
    task.setVariablesLocal(moved);
    Submitted outer = SUBMITTED.get();
    SUBMITTED.set(new Submitted(command, typed));
    try {
      return next.execute(command);
    } finally {
      SUBMITTED.set(outer);
    }
  }

  private record Submitted(Command<?> command, Map<String, Object> variables) {}
}
