package mx.cocreacion.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The two timers of every user task: its overdue reminders ({@code TimeoutListener_Reminder_*}) and the notice
 * before its due date ({@code TimeoutListener_DueSoon_*}), told apart by their timeout listener.
 */
public final class TaskTimers {

  public static final String REMINDER = "TimeoutListener_Reminder_";
  public static final String NOTICE = "TimeoutListener_DueSoon_";

  private TaskTimers() {}

  /** The task's timers of the timeout listeners whose ids start with {@code listener} ({@link #REMINDER}, {@link #NOTICE}). */
  public static List<Job> of(ProcessEngine engine, Task task, String listener) {
    return engine.getManagementService().createJobQuery().executionId(task.getExecutionId()).timers().list().stream()
        .filter(j -> ((JobEntity) j).getJobHandlerConfigurationRaw().contains("taskListener~" + listener)).toList();
  }

  /** The timer of the task's overdue reminders. */
  public static Job reminder(ProcessEngine engine, Task task) {
    return single(of(engine, task, REMINDER), task);
  }

  /** The timer of the notice before the task's due date. */
  public static Job notice(ProcessEngine engine, Task task) {
    return single(of(engine, task, NOTICE), task);
  }

  private static Job single(List<Job> jobs, Task task) {
    if (jobs.size() != 1) {
      throw new AssertionError("expected one such timer of task " + task.getId() + ", found " + jobs.size());
    }
    return jobs.get(0);
  }
}
