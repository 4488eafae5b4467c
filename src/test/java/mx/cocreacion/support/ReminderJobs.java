package mx.cocreacion.support;

import mx.cocreacion.reminder.ReminderSweep;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * The jobs that send a user task's reminders: the send job a sweep creates for the task when it finds it due
 * ({@link ReminderSweep#scheduleSend}), created here at once, without waiting for the sweep.
 */
public final class ReminderJobs {

  private ReminderJobs() {}

  /** A send job of the task's next overdue reminder. */
  public static Job reminderJob(ProcessEngine engine, Task task) {
    return send(engine, task, ReminderSweep.REMINDER);
  }

  /** A send job of the notice before the task's due date. */
  public static Job noticeJob(ProcessEngine engine, Task task) {
    return send(engine, task, ReminderSweep.NOTICE);
  }

  private static Job send(ProcessEngine engine, Task task, String kind) {
    String id = ReminderSweep.scheduleSend(
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), task.getId(), kind);
    return engine.getManagementService().createJobQuery().jobId(id).singleResult();
  }
}
