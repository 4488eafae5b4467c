package mx.cocreacion.reminder;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The second timeout task listener of every user task ({@code ${dueSoonListener}}, timer
 * {@code ${reminders.beforeDue('<task key>')}}): the task falls due in {@code cocreacion.reminders.before-due}
 * (three days), so its candidates get one notice, once, besides the reminders once it is overdue
 * ({@link ReminderSender#notice}). It is not a reminder: it is not counted ({@code cc_reminder}), so the
 * escalation to the garante and INAI still comes with the second overdue reminder. A comment on the task says
 * who was told. Nothing is sent when the task is already due (a short task, or the notice switched off) or when
 * its due date was moved later. Design {@code timers} only: the sweeper removes these listeners.
 */
@Component("dueSoonListener")
public class DueSoonListener implements TaskListener {

  private final ReminderSender sender;

  public DueSoonListener(ReminderSender sender) {
    this.sender = sender;
  }

  @Override
  public void notify(DelegateTask task) {
    sender.notice(task, ClockUtil.getCurrentTime().toInstant(), false);
  }
}
