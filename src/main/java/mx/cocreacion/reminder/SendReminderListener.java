package mx.cocreacion.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Timeout task listener of every user task ({@code ${sendReminderListener}}, timer
 * {@code ${reminders.cycle('<task key>')}}): the task is overdue, so its candidate users get an
 * e-mail; from the second reminder on also the tenant's organismo garante and INAI.
 *
 * <p>Runs in the timer job's transaction. The reminder is recorded first ({@code cc_reminder}, a
 * task comment, the process-instance variables {@code remindersSent} and {@code lastReminder}) and
 * the e-mail is sent last, while the transaction commits: if the mail server fails, everything rolls
 * back and the job retries (see {@link ReminderFailedJobConfiguration}); the retry numbers the
 * reminder again from the table.
 */
@Component("sendReminderListener")
public class SendReminderListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SendReminderListener.class);
  public static final String VAR_REMINDERS_SENT = "remindersSent";
  public static final String VAR_LAST_REMINDER = "lastReminder";
  /**
   * The task's due date and the start of its reminder cycle are computed separately when the task is
   * created, a moment apart (hundreds of milliseconds on a busy node), the cycle first. A job executor
   * that runs the timer right on time could see a due date a little in the future; that is still
   * this due date, not one moved later in Tasklist, and must not skip the reminder for a whole period.
   */
  static final Duration CREATION_SKEW = Duration.ofMinutes(1);

  private final ReminderRepository reminders;
  private final ReminderRecipients recipients;
  private final ReminderMailer mailer;

  public SendReminderListener(ReminderRepository reminders, ReminderRecipients recipients, ReminderMailer mailer) {
    this.reminders = reminders;
    this.recipients = recipients;
    this.mailer = mailer;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    if (due != null && due.isAfter(now.plus(CREATION_SKEW))) {
      // Someone moved the due date (Tasklist): not overdue yet, the next period checks again.
      LOG.info("Tarea {} ({}) aún no vence ({}); sin recordatorio", task.getId(), task.getTaskDefinitionKey(), due);
      return;
    }
    // The job runs without a user; an engine call by an authenticated user (e.g. a retry from the
    // REST API) must not need identity or task permissions for this internal bookkeeping.
    ReminderMailer.ReminderMail mail = withoutAuthorization(() -> record(task, now, due));
    sendWhenCommitting(mail);
  }

  /**
   * The e-mail goes out when the job's transaction commits, after the engine has flushed every
   * change: a conflict with another node (two reminders of one instance on two nodes of a cluster
   * give an {@code OptimisticLockingException} at flush) or any other database error now rolls back
   * before anything was sent, and the retry sends the e-mail once. A mail failure still throws from
   * there, so the transaction rolls back and the job retries.
   */
  private void sendWhenCommitting(ReminderMailer.ReminderMail mail) {
    whenCommitting(() -> send(mail));
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

  /** Runs {@code sending} while the engine's transaction commits (at once outside a command). */
  static void whenCommitting(Runnable sending) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      sending.run();
      return;
    }
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTING, committing -> sending.run());
  }

  private void send(ReminderMailer.ReminderMail mail) {
    mailer.send(mail);
    LOG.info("Recordatorio {} de la tarea {} enviado a {}", mail.sequence(), mail.taskId(), mail.recipients());
  }

  private ReminderMailer.ReminderMail record(DelegateTask task, Instant now, Instant due) {
    int sequence = reminders.countByTask(task.getId()) + 1;
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
