package mx.cocreacion.reminder;

import jakarta.mail.MessagingException;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import mx.cocreacion.exercise.ExerciseVariables;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.MexicanDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a reminder e-mail (plain text, UTF-8, in Spanish) through Spring Boot's mail support
 * ({@code spring.mail.*}), over a kept-alive connection ({@link SmtpConnections}). A failure of the
 * mail server throws, so the reminder job fails and retries.
 */
@Component
public class ReminderMailer {

  /** Header naming the reminder: {@code <task id>/<number>}. */
  public static final String REMINDER_HEADER = "X-Cocreacion-Recordatorio";

  private final JavaMailSender sender;
  private final SmtpConnections connections;
  private final ReminderProperties properties;
  private final String publicUrl;

  public ReminderMailer(JavaMailSender sender, SmtpConnections connections, ReminderProperties properties,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl) {
    this.sender = sender;
    this.connections = connections;
    this.properties = properties;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** What the e-mail talks about. */
  public record ReminderMail(
      String taskId,
      String taskName,
      String exerciseName,
      String businessKey,
      String entityName,
      Instant dueDate,
      int sequence,
      boolean escalated,
      List<String> recipients) {

    /** What a mail says about {@code task}: its names, its exercise's name and key, its entidad. */
    static ReminderMail about(DelegateTask task, Instant due, int sequence, boolean escalated, List<String> recipients) {
      DelegateExecution execution = task.getExecution();
      String entity = task.getTenantId() != null ? task.getTenantId()
          : (String) execution.getVariable(ExerciseVariables.ENTITY);
      return new ReminderMail(task.getId(), task.getName(), (String) execution.getVariable(ExerciseVariables.EXERCISE_NAME),
          execution.getProcessBusinessKey(), EntityCatalogue.nameOf(entity), due, sequence, escalated, recipients);
    }
  }

  public void send(ReminderMail mail) {
    // Which reminder this is (task and number): for mail filters, and to count deliveries.
    deliver(mail.recipients(), subject(mail), body(mail), mail.taskId() + "/" + mail.sequence(), mail.taskId());
  }

  /** The notice that a task is coming due ({@code sequence} 0: it is not a reminder of an overdue task). */
  public void sendDueSoon(ReminderMail mail) {
    deliver(mail.recipients(), dueSoonSubject(mail), dueSoonBody(mail), mail.taskId() + "/aviso", mail.taskId());
  }

  private void deliver(List<String> recipients, String subject, String body, String header, String taskId) {
    if (recipients.isEmpty()) {
      return;
    }
    var message = sender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      message.setHeader(REMINDER_HEADER, header);
    } catch (MessagingException e) {
      throw new MailPreparationException("No se pudo preparar el recordatorio de la tarea " + taskId, e);
    }
    connections.send(message);
  }

  String dueSoonSubject(ReminderMail mail) {
    return "Aviso: la tarea «" + mail.taskName() + "» vence el " + formatDate(mail.dueDate()) + " ("
        + mail.exerciseName() + ", " + mail.businessKey() + ")";
  }

  String dueSoonBody(ReminderMail mail) {
    return "Hola:\n\n"
        + "La tarea «" + mail.taskName() + "» del ejercicio «" + mail.exerciseName() + "» (" + mail.businessKey()
        + "), entidad " + mail.entityName() + ", vence el " + formatDate(mail.dueDate())
        + " (hora de la Ciudad de México) y sigue pendiente.\n\n"
        + "Puede atenderla en Tasklist:\n" + taskLink(mail.taskId()) + "\n\n"
        + "Este aviso llega una sola vez, antes del vencimiento; si la tarea vence sin completarse, recibirá "
        + "los recordatorios de tarea vencida.\n\n"
        + "Cocreación desde lo local\n"
        + "(Mensaje automático; por favor no responda a este correo.)\n";
  }

  public String taskLink(String taskId) {
    return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  public static String formatDate(Instant due) {
    return due == null ? "sin fecha" : MexicanDates.dateTime(due);
  }

  String subject(ReminderMail mail) {
    return "Recordatorio" + (mail.sequence() > 1 ? " " + mail.sequence() : "") + ": tarea vencida «"
        + mail.taskName() + "» (" + mail.exerciseName() + ", " + mail.businessKey() + ")";
  }

  String body(ReminderMail mail) {
    StringBuilder text = new StringBuilder();
    text.append("Hola:\n\n")
        .append("La tarea «").append(mail.taskName()).append("» del ejercicio «").append(mail.exerciseName())
        .append("» (").append(mail.businessKey()).append("), entidad ").append(mail.entityName())
        .append(", venció el ").append(formatDate(mail.dueDate()))
        .append(" (hora de la Ciudad de México) y sigue pendiente.\n\n")
        .append("Puede atenderla en Tasklist:\n").append(taskLink(mail.taskId())).append("\n\n")
        .append("Este es el recordatorio número ").append(mail.sequence()).append(".");
    if (mail.escalated()) {
      text.append(" Como la tarea sigue pendiente después del primer recordatorio, este aviso se envía")
          .append(" también al organismo garante de la entidad y a la supervisión nacional del INAI.");
    }
    text.append(" Se repetirá ").append(every(properties.period()))
        .append(" mientras la tarea siga abierta.\n\n")
        .append("Cocreación desde lo local\n")
        .append("(Mensaje automático; por favor no responda a este correo.)\n");
    return text.toString();
  }

  static String every(String period) {
    try {
      Period p = Period.parse(period);
      if (p.getYears() == 0 && p.getMonths() == 0) {
        int days = p.getDays();
        if (days == 1) return "cada día";
        if (days == 7) return "cada semana";
        if (days % 7 == 0) return "cada " + days / 7 + " semanas";
        return "cada " + days + " días";
      }
    } catch (DateTimeParseException notAPeriod) {
      // PT..: fall through
    }
    return "cada " + period;
  }
}
