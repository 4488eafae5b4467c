package mx.cocreacion.completion;

import java.util.Set;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The one place where the completion of one user task is checked: the fields it accepts and the
 * contract's rules for their values. Implementations are Spring beans, one per task key, in the package
 * of their step. {@link #record} runs only when the input is valid, in the same transaction.
 */
public interface TaskCompletion {

  /** The user task id (= task definition key) this handler checks, e.g. {@code elect-stl}. */
  String taskKey();

  /**
   * Every variable a completion of this task may carry: the contract's completion variables and the keys
   * its form submits (docs/contract.md lists them). Anything else is refused, naming it, and nothing is
   * stored ({@link SubmittedFields}).
   */
  Set<String> fields();

  /**
   * The fields kept on the task ({@link LocalFields}): read only by this completion, prefilled by nothing and read by
   * nothing in the process after the task. They are stored as the task's own variables, end with it (their history
   * names the task) and never reach the process instance, where the next task's form would show them again or two
   * parallel tasks would write the same variable. Every other field goes where Camunda puts it: the variable the
   * form prefilled (the task's input mapping), or the process instance, for the results later steps read.
   */
  default Set<String> localFields() {
    return Set.of();
  }

  /** Checks the submitted variables; every broken rule is reported with {@link TaskInput#reject}. */
  void validate(TaskInput input);

  /** Normalizes and records what was submitted (the minutes of the task). Optional. */
  default void record(DelegateTask task, TaskInput input) {}
}
