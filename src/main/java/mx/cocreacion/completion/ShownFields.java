package mx.cocreacion.completion;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import mx.cocreacion.security.CommandFields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Adds a task's {@linkplain TaskCompletion#shown() shown fields} to what a read of its variables answers: the form
 * variables (Tasklist's forms, {@code GET /task/{id}/form-variables}), the variables ({@code GET /task/{id}/variables},
 * {@code TaskService.getVariables}) and one variable by name ({@code GET /task/{id}/variables/{name}},
 * {@code TaskService.getVariable}). The models used to compute them in input mappings when the task began: each was
 * a variable created, historized and deleted with the task, read or not, and the form showed the plan as it was
 * then.
 *
 * <p>Runs inside the read's engine command, after it: Camunda has found the task and checked that the person may
 * read its variables (a refused read never gets here). The computed value wins over a variable of the same name
 * found on the way up: a task begun before this keeps its input mapping's copy, made when it began, and its form
 * shows the plan as it is now like any other. Task-local reads ({@code localVariables}) are answered as before:
 * the input mappings' variables were never the task's own. Json values are answered as stored Json is:
 * deserialized when the read asks for it, else as the serialized text.
 */
final class ShownFields extends CommandInterceptor {

  private final Function<String, Map<String, Function<DelegateExecution, SpinJsonNode>>> shownOfTask;

  /** {@code shownOfTask}: the shown fields of a task key (empty for a task without any). */
  ShownFields(Function<String, Map<String, Function<DelegateExecution, SpinJsonNode>>> shownOfTask) {
    this.shownOfTask = shownOfTask;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Class<?> type = command.getClass();
    if (type != GetTaskFormVariablesCmd.class && type != GetTaskVariablesCmd.class
        && type != GetTaskVariableCmd.class && type != GetTaskVariableCmdTyped.class) {
      return next.execute(command);
    }
    T result = next.execute(command);
    if (type != GetTaskFormVariablesCmd.class && Boolean.TRUE.equals(CommandFields.read(command, "isLocal"))) {
      return result;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager()
        .findTaskById(CommandFields.string(command, type == GetTaskFormVariablesCmd.class ? "resourceId" : "taskId"));
    if (task == null || task.getExecution() == null) {
      return result;
    }
    Map<String, Function<DelegateExecution, SpinJsonNode>> shown = shownOfTask.apply(task.getTaskDefinitionKey());
    if (shown.isEmpty()) {
      return result;
    }
    return answer(command, result, task, shown);
  }

  @SuppressWarnings("unchecked")
  private static <T> T answer(Command<T> command, T result, TaskEntity task,
      Map<String, Function<DelegateExecution, SpinJsonNode>> shown) {
    if (command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
      Function<DelegateExecution, SpinJsonNode> value = shown.get(CommandFields.string(command, "variableName"));
      if (value == null) {
        return result;
      }
      SpinJsonNode node = value.apply(task.getExecution());
      return command instanceof GetTaskVariableCmd ? (T) node
          : (T) typed(node, Boolean.TRUE.equals(CommandFields.read(command, "deserializeValue")));
    }
    boolean form = command instanceof GetTaskFormVariablesCmd;
    Collection<String> names = (Collection<String>) CommandFields.read(command, form ? "formVariableNames" : "variableNames");
    boolean deserialize = Boolean.TRUE.equals(CommandFields.read(command, form ? "deserializeObjectValues" : "deserializeValues"));
    VariableMap variables = (VariableMap) result; // a new map of this read's own
    shown.forEach((name, value) -> {
      if (names == null || names.contains(name)) {
        variables.putValueTyped(name, typed(value.apply(task.getExecution()), deserialize));
      }
    });
    return (T) variables;
  }

  private static TypedValue typed(SpinJsonNode node, boolean deserialize) {
    return deserialize ? SpinValues.jsonValue(node).create() : SpinValues.jsonValue(node.toString()).create();
  }
}
