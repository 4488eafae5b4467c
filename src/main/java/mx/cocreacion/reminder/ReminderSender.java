package mx.cocreacion.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

/**
 * What a reminder and a notice before the due date do, called by the sweep's send job of the task
 * ({@link ReminderSweep}).
 *
 * <p>Runs in the job's transaction. A reminder is recorded first ({@code cc_reminder}, a task comment, the
 * process-instance variables {@code remindersSent} and {@code lastReminder}) and the e-mail is sent last,
 * while the transaction commits: if the mail server fails, everything rolls back and the job retries (see
 * {@link ReminderFailedJobConfiguration}); the retry numbers the reminder again from the table.
 */
@Component
public class ReminderSender {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderSender.class);
  public static final String VAR_REMINDERS_SENT = "remindersSent";
  public static final String VAR_LAST_REMINDER = "lastReminder";
  /**
   * A due date less than this in the future still counts as due: a send job created right when the task fell
   * due may run on a node whose clock is a little behind, and must not skip the reminder for a whole period.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final ReminderRepository reminders;
  private final ReminderRecipients recipients;
  private final ReminderMailer mailer;
  private final ReminderProperties properties;

  public ReminderSender(ReminderRepository reminders, ReminderRecipients recipients, ReminderMailer mailer,
      ReminderProperties properties) {
    this.reminders = reminders;
    this.recipients = recipients;
    this.mailer = mailer;
    this.properties = properties;
  }

  /**
   * The task is overdue: its candidates get a reminder (from the second one on also the garante and INAI).
   * Nothing is sent when a reminder of this task was recorded less than a period ago: a send job created twice,
   * or run again after a node died having committed, sends nothing more.
   *
   * @return whether a reminder was recorded (its e-mail leaves when the transaction commits)
   */
  public boolean remind(DelegateTask task, Instant now) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    if (due != null && due.isAfter(now.plus(CLOCK_SKEW))) {
      // Someone moved the due date (Tasklist): not overdue yet, the next period checks again.
      LOG.info("Tarea {} ({}) aún no vence ({}); sin recordatorio", task.getId(), task.getTaskDefinitionKey(), due);
      return false;
    }
    ReminderRepository.Tally tally = reminders.tally(task.getId());
    if (tally.last() != null && tally.last().isAfter(DueDates.minus(now, properties.period()))) {
      LOG.info("Tarea {} ({}): recordatorio de este periodo ya registrado", task.getId(), task.getTaskDefinitionKey());
      return false;
    }
    int known = tally.count();
    // The job runs without a user; an engine call by an authenticated user (e.g. a retry from the
    // REST API) must not need identity or task permissions for this internal bookkeeping.
    ReminderMailer.ReminderMail mail = withoutAuthorization(() -> record(task, now, due, known));
    whenCommitting(() -> {
      sending("el recordatorio " + mail.sequence(), mail, () -> mailer.send(mail));
      LOG.info("Recordatorio {} de la tarea {} enviado a {}", mail.sequence(), mail.taskId(), mail.recipients());
    });
    return true;
  }

  /**
   * The task falls due within {@code cocreacion.reminders.before-due}: its candidates get one notice. Nothing
   * is sent when the task is already due or its due date was moved later. The notice is recorded
   * ({@code cc_reminder_notice}), and nothing is sent when it already was.
   *
   * @return whether a notice was recorded (its e-mail leaves when the transaction commits)
   */
  public boolean notice(DelegateTask task, Instant now) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    Instant soon = now.plus(CLOCK_SKEW);
    if (due == null || !due.isAfter(soon) || DueDates.minus(due, properties.beforeDue()).isAfter(soon)) {
      LOG.debug("Tarea {} ({}): sin aviso de vencimiento (vence {})", task.getId(), task.getTaskDefinitionKey(), due);
      return false;
    }
    if (!reminders.recordNotice(task.getId(), due, now)) {
      LOG.info("Tarea {} ({}): aviso de vencimiento ya registrado", task.getId(), task.getTaskDefinitionKey());
      return false;
    }
    ReminderMailer.ReminderMail mail = withoutAuthorization(() -> recordNotice(task, due));
    whenCommitting(() -> {
      sending("el aviso de vencimiento", mail, () -> mailer.sendDueSoon(mail));
      LOG.info("Aviso de vencimiento de la tarea {} enviado a {}", mail.taskId(), mail.recipients());
    });
    return true;
  }

  private ReminderMailer.ReminderMail record(DelegateTask task, Instant now, Instant due, int known) {
    int sequence = known + 1;
    boolean escalated = sequence > 1;
    List<String> emails = recipients.of(task, escalated).stream().map(ReminderRecipients.Recipient::email).toList();
    // The exercise's variables live on the process instance (or a parent scope), never on the task:
    // reading them from the execution skips a fetch of the task's own variables.
    DelegateExecution execution = task.getExecution();
    String exerciseId = ExerciseScope.exerciseId(execution);
    reminders.insert(new Reminder(null, exerciseId, task.getId(), task.getTaskDefinitionKey(), task.getName(),
        sequence, emails, escalated, now, due));

    String to = emails.isEmpty() ? "nadie (ninguna persona candidata tiene correo)" : String.join(", ", emails);
    String comment = "Recordatorio " + sequence + " enviado a: " + to
        + (escalated ? " (escalado al organismo garante y al INAI)" : "");
    addComment(task, comment);

    DelegateExecution instance = execution.getProcessInstance();
    Object sent = instance.getVariableLocal(VAR_REMINDERS_SENT);
    instance.setVariableLocal(VAR_REMINDERS_SENT, (sent instanceof Number n ? n.intValue() : 0) + 1);
    instance.setVariableLocal(VAR_LAST_REMINDER, "Recordatorio " + sequence + " de «" + task.getName()
        + "», enviado el " + ReminderMailer.formatDate(now) + " (venció el " + ReminderMailer.formatDate(due) + ") a: " + to);

    return ReminderMailer.ReminderMail.about(task, due, sequence, escalated, emails);
  }

  private ReminderMailer.ReminderMail recordNotice(DelegateTask task, Instant due) {
    List<String> emails = recipients.of(task, false).stream().map(ReminderRecipients.Recipient::email).toList();
    String to = emails.isEmpty() ? "nadie (ninguna persona candidata tiene correo)" : String.join(", ", emails);
    addComment(task, "Aviso de vencimiento (vence el " + ReminderMailer.formatDate(due) + ") enviado a: " + to);
    return ReminderMailer.ReminderMail.about(task, due, 0, false, emails);
  }

  /** Runs {@code bookkeeping} without the current user's authorizations (at once outside a command). */
  static <T> T withoutAuthorization(java.util.concurrent.Callable<T> bookkeeping) {
    CommandContext command = Context.getCommandContext();
    try {
      return command == null ? bookkeeping.call() : command.runWithoutAuthorization(bookkeeping);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends, and says in Spanish what could not be sent when the mail server fails: the job's message, which INAI
   * reads in Cockpit as the incident's once the retries are spent (the mail server's own words stay as the cause).
   */
  static void sending(String what, ReminderMailer.ReminderMail mail, Runnable send) {
    try {
      send.run();
    } catch (MailException e) {
      int people = mail.recipients() == null ? 0 : mail.recipients().size();
      throw new MailSendException("No se pudo enviar " + what + " de la tarea «" + mail.taskName() + "» ("
          + mail.entityName() + ") a " + people + (people == 1 ? " persona" : " personas")
          + ": falló el servidor de correo (" + e.getMessage() + "). Se reintenta según cocreacion.reminders.retry-cycle; "
          + "revise el servidor de correo (spring.mail.host).", e);
    }
  }

  /**
   * Runs {@code sending} while the engine's transaction commits (at once outside a command): after the
   * engine has flushed every change, so a conflict with another node ({@code OptimisticLockingException} at
   * flush) or any other database error rolls back before anything was sent, and the retry sends the e-mail
   * once. A mail failure still throws from there, so the transaction rolls back and the job retries.
   */
  static void whenCommitting(Runnable sending) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      sending.run();
      return;
    }
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, committing -> sending.run());
  }

  /**
   * The comment of the reminder on the task, as {@code TaskService#createComment} writes it, but
   * without the task update that command also makes (revision, last-updated time and its history
   * event: three statements per reminder). A reminder does not change the task, and a person saving
   * the task in Tasklist at that moment no longer conflicts with it on the task's revision.
   */
  static void addComment(DelegateTask task, String message) {
    CommandContext command = Context.getCommandContext();
    if (command == null || !(task.getExecution() instanceof ExecutionEntity execution)) {
      task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), message);
      return;
    }
    new ReminderComment(task.getId(), task.getProcessInstanceId(), message, execution).execute(command);
  }

  /** Camunda's add-comment command for the task of {@code execution}, not touching the task itself. */
  static class ReminderComment extends AddCommentCmd {

    private final transient ExecutionEntity execution;

    ReminderComment(String taskId, String processInstanceId, String message, ExecutionEntity execution) {
      super(taskId, processInstanceId, message);
      this.execution = execution;
    }

    @Override
    protected ExecutionEntity getExecution(CommandContext commandContext) {
      return execution;
    }

    @Override
    protected TaskEntity getTask(CommandContext commandContext) {
      return null; // no triggerUpdateEvent()
    }
  }
}
