package mx.cocreacion.stl;

import jakarta.mail.MessagingException;
import mx.cocreacion.reminder.ReminderProperties;
import mx.cocreacion.security.AfterCommit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Tells the other person of a seat when its vote changes hands: the titular when their suplente takes the vote
 * over (so a titular who is not absent after all can take it back before it is cast), and whoever did not give it
 * back when it returns to the titular. Plain-text e-mail in Spanish from the platform's sender
 * ({@code cocreacion.reminders.from}), sent after the transaction commits (a refused take-over sends nothing); a mail
 * failure is logged and does not undo the stand-in, which Tasklist and the task's comments show anyway.
 */
@Component
class StandInNotices {

  private static final Logger LOG = LoggerFactory.getLogger(StandInNotices.class);

  private final JavaMailSender sender;
  private final IdentityService identity;
  private final String from;
  private final String publicUrl;

  StandInNotices(JavaMailSender sender, IdentityService identity, ReminderProperties reminders,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl) {
    this.sender = sender;
    this.identity = identity;
    this.from = reminders.from();
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The titular of the seat learns who votes in their place, why, and where to take the vote back. */
  void taken(StandIns.Situation now, String reason) {
    String body = "Hola, " + now.seat().name() + ":\n\n"
        + now.person().name() + " (suplente del sector " + now.sectorLabel() + ") emitirá en su lugar el voto «"
        + now.task().getName() + "» del Secretariado Técnico Local.\n"
        + (reason == null ? "" : "Motivo: " + reason + "\n")
        + "\nEl voto sigue siendo el de su asiento: cuenta una sola vez, como el suyo. Si usted puede votar, "
        + "recupérelo antes de que se emita:\n" + page(now) + "\n\n"
        + "Este aviso se envía automáticamente; no responda a este correo.\n";
    mailAfterCommit(now.seat().userId(), "Su suplente votará en su lugar: " + now.task().getName(), body);
  }

  /** The vote is back with the titular: whoever of the two did not give it back hears of it. */
  void givenBack(StandIns.Situation before, String byUser) {
    boolean byTitular = byUser.equals(before.seat().userId());
    String to = byTitular ? before.standIn().orElseThrow().standInUserId() : before.seat().userId();
    String toName = byTitular ? before.standInName() : before.seat().name();
    String body = "Hola, " + toName + ":\n\n"
        + (byTitular
            ? before.seat().name() + " (titular del sector " + before.sectorLabel() + ") recuperó su voto «"
                + before.task().getName() + "»: usted ya no lo emite en suplencia.\n"
            : before.standInName() + " (suplente) dejó la suplencia: el voto «" + before.task().getName()
                + "» vuelve a usted y queda pendiente de su decisión.\n" + page(before) + "\n")
        + "\nEste aviso se envía automáticamente; no responda a este correo.\n";
    mailAfterCommit(to, "El voto vuelve a la persona titular: " + before.task().getName(), body);
  }

  private String page(StandIns.Situation situation) {
    return publicUrl + StandInController.PAGE + situation.task().getId();
  }

  private void mailAfterCommit(String userId, String subject, String body) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      LOG.warn("Suplencia: {} no tiene correo registrado; no se le avisa de «{}».", userId, subject);
      return;
    }
    AfterCommit.run(() -> send(user.getEmail(), subject, body));
  }

  private void send(String email, String subject, String body) {
    try {
      var message = sender.createMimeMessage();
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(email);
      helper.setSubject(subject);
      helper.setText(body, false);
      sender.send(message);
    } catch (MessagingException | RuntimeException e) {
      LOG.error("No se pudo enviar el aviso de suplencia «{}» a {}; la suplencia queda registrada.", subject, email, e);
    }
  }
}
