package mx.cocreacion.reminder;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The second timeout task listener of every user task ({@code ${dueSoonListener}}, timer
 * {@code ${reminders.beforeDue('<task key>')}}): the task falls due in {@code cocreacion.reminders.before-due}
 * (three days), so its candidates get one notice, once, besides the reminders once it is overdue. It is not a
 * reminder: it is not counted ({@code cc_reminder}), so the escalation to the garante and INAI still comes
 * with the second overdue reminder. A comment on the task says who was told. Nothing is sent when the task is
 * already due (a short task, or the notice switched off) or when its due date was moved later.
 */
@Component("dueSoonListener")
public class DueSoonListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(DueSoonListener.class);

  private final ReminderRecipients recipients;
  private final ReminderMailer mailer;
  private final ReminderProperties properties;

  public DueSoonListener(ReminderRecipients recipients, ReminderMailer mailer, ReminderProperties properties) {
    this.recipients = recipients;
    this.mailer = mailer;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Instant soon = now.plus(SendReminderListener.CREATION_SKEW);
    if (due == null || !due.isAfter(soon) || DueDates.minus(due, properties.beforeDue()).isAfter(soon)) {
      LOG.debug("Tarea {} ({}): sin aviso de vencimiento (vence {})", task.getId(), task.getTaskDefinitionKey(), due);
      return;
    }
    ReminderMailer.ReminderMail mail = SendReminderListener.withoutAuthorization(() -> record(task, due));
    SendReminderListener.whenCommitting(() -> {
      mailer.sendDueSoon(mail);
      LOG.info("Aviso de vencimiento de la tarea {} enviado a {}", mail.taskId(), mail.recipients());
    });
  }

  private ReminderMailer.ReminderMail record(DelegateTask task, Instant due) {
    List<String> emails = recipients.of(task, false).stream().map(ReminderRecipients.Recipient::email).toList();
    String to = emails.isEmpty() ? "nadie (ninguna persona candidata tiene correo)" : String.join(", ", emails);
    SendReminderListener.addComment(task, "Aviso de vencimiento (vence el " + ReminderMailer.formatDate(due)
        + ") enviado a: " + to);
    return ReminderMailer.ReminderMail.about(task, due, 0, false, emails);
  }
}
