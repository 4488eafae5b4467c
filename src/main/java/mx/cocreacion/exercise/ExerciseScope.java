package mx.cocreacion.exercise;

import mx.cocreacion.validation.TaskInput;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Which exercise a delegate, listener or task acts on, from the engine's own structure and never from a
 * variable: the exercise is the {@code local-exercise} instance at the root of every step's instance
 * (its id is the exercise's id in the plan of record, {@code cc_exercise.id}). A person cannot change
 * the root of an instance, so a task of Jalisco always writes into Jalisco's exercise (docs/security.md).
 */
public final class ExerciseScope {

  private ExerciseScope() {}

  /** The exercise of the execution: the id of its root process instance. */
  public static String exerciseId(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity) {
      return require(entity.getRootProcessInstanceId(), execution.getId());
    }
    throw new IllegalStateException("Not an engine execution: " + execution);
  }

  /** The exercise of the task: the id of the root process instance of its execution. */
  public static String exerciseId(DelegateTask task) {
    if (task instanceof TaskEntity entity && entity.getExecution() != null) {
      return require(entity.getExecution().getRootProcessInstanceId(), task.getId());
    }
    throw new IllegalStateException("Task " + task.getId() + " belongs to no process instance");
  }

  /** The exercise of the task or execution whose input this is. */
  public static String exerciseId(TaskInput input) {
    VariableScope scope = input.scope().orElseThrow(() -> new IllegalStateException("This input belongs to no exercise"));
    if (scope instanceof DelegateTask task) {
      return exerciseId(task);
    }
    if (scope instanceof DelegateExecution execution) {
      return exerciseId(execution);
    }
    throw new IllegalStateException("This input belongs to no exercise");
  }

  private static String require(String rootProcessInstanceId, String of) {
    if (rootProcessInstanceId == null) {
      throw new IllegalStateException("No root process instance for " + of);
    }
    return rootProcessInstanceId;
  }
}
