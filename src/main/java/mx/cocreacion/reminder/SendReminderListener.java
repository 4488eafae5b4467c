package mx.cocreacion.reminder;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Timeout task listener of every user task ({@code ${sendReminderListener}}, timer
 * {@code ${reminders.cycle('<task key>')}}): the task is overdue, so its candidate users get an
 * e-mail; from the second reminder on also the tenant's organismo garante and INAI
 * ({@link ReminderSender#remind}). Design {@code timers} only: the sweeper removes these listeners.
 */
@Component("sendReminderListener")
public class SendReminderListener implements TaskListener {

  public static final String VAR_REMINDERS_SENT = ReminderSender.VAR_REMINDERS_SENT;
  public static final String VAR_LAST_REMINDER = ReminderSender.VAR_LAST_REMINDER;

  private final ReminderSender sender;

  public SendReminderListener(ReminderSender sender) {
    this.sender = sender;
  }

  @Override
  public void notify(DelegateTask task) {
    sender.remind(task, ClockUtil.getCurrentTime().toInstant(), false);
  }
}
