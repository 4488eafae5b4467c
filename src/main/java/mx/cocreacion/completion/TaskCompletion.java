package mx.cocreacion.completion;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;

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
   * parallel tasks would write the same variable. A {@linkplain #shown() shown} field the form sends back (the rows it
   * started from) is kept on the task too. Every other field goes to the process instance, for the results later
   * steps read. The set is fixed for the task key: {@link TaskFieldsPlugin} reads it (with the shown fields' names)
   * once per task key and keeps it.
   */
  default Set<String> localFields() {
    return Set.of();
  }

  /**
   * What the task's form shows that the person did not write, by variable name: read-only summaries of the plan of
   * record («commitmentSummary», «followUpSummary») and the rows a form starts from (a report's activities, one
   * monitoring row per commitment). Each is computed from the task's execution whenever the task's variables are
   * read (Tasklist's form, engine REST, the Java API: {@link ShownFields}) and never stored, so a form shows the
   * plan as it is when it is opened (also a task begun before this, which holds its input mapping's old copy).
   */
  default Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return Map.of();
  }

  /** Checks the submitted variables; every broken rule is reported with {@link TaskInput#reject}. */
  void validate(TaskInput input);

  /** Normalizes and records what was submitted (the minutes of the task). Optional. */
  default void record(DelegateTask task, TaskInput input) {}
}
