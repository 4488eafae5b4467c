package mx.cocreacion.support;

import java.util.List;
import mx.cocreacion.reminder.ReminderSweep;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The jobs that send a user task's reminders. In reminder design {@code timers} the two timers of every user task: its
 * overdue reminders ({@code TimeoutListener_Reminder_*}) and the notice before its due date
 * ({@code TimeoutListener_DueSoon_*}), told apart by their timeout listener. In design {@code sweeper} (the default)
 * the send job a sweep creates for the task ({@link #reminderJob}).
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

  /**
   * The job that sends the task's next reminder: its reminder timer in design {@code timers}; in design
   * {@code sweeper}, a send job created as the sweep creates it when it finds the task due.
   */
  public static Job reminderJob(ProcessEngine engine, Task task) {
    List<Job> timers = of(engine, task, REMINDER);
    if (!timers.isEmpty()) {
      return single(timers, task);
    }
    String id = ReminderSweep.scheduleSend(
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), task.getId(), ReminderSweep.REMINDER);
    return engine.getManagementService().createJobQuery().jobId(id).singleResult();
  }

  /** The timer of the task's overdue reminders (design {@code timers}). */
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
