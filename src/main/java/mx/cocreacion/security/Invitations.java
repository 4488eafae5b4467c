package mx.cocreacion.security;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.MexicanDates;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations ({@code cc_invitation}) of accounts provisioned by the process outside demo mode: a
 * random single-use token that expires after {@code cocreacion.invitations.valid-for} (default
 * {@code P7D}), mailed as a link to {@code /cuenta/activar} where the person sets their own
 * password. Only the SHA-256 of the token is stored.
 *
 * <p>The e-mail is sent after the surrounding transaction commits, so a rolled-back election sends
 * nothing. A mail failure is logged and does not undo the election; the guarantor can send a new
 * invitation by running the election again (or an administrator can set a password in Admin).
 */
@Service
public class Invitations {

  private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  /** The same default as the reminders' sender (ReminderProperties). */
  static final String DEFAULT_FROM = "Cocreación desde lo local <no-responder@cocreacion.mx>";

  private final String from;
  private final String publicUrl;
  private final Duration validFor;

  public Invitations(JdbcClient jdbc, JavaMailSender sender, IdentityService identity,
      PlatformTransactionManager transactions,
      // The platform's sender: the reminders' (cocreacion.reminders.from) unless invitations name their own.
      @Value("${cocreacion.invitations.from:${cocreacion.reminders.from:}}") String from,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl,
      @Value("${cocreacion.invitations.valid-for:P7D}") String validFor) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
    this.from = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
    this.publicUrl = publicUrl.replaceAll("/+$", "");
    this.validFor = Duration.parse(validFor.trim());
  }

  /** Invites the user without naming a role or entidad. */
  public String create(String userId) {
    return create(userId, null, null);
  }

  /**
   * Stores a new invitation for the user and mails it after the transaction commits (immediately
   * when there is none). Returns the token (for tests; it is never stored).
   */
  public String create(String userId, String group, String tenantId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant expires = now.plus(validFor);
    jdbc.sql("insert into cc_invitation (token_hash, user_id, created_at, expires_at) values (:h, :u, :c, :e)")
        .param("h", hash(token)).param("u", userId)
        .param("c", Timestamp.from(now)).param("e", Timestamp.from(expires))
        .update();
    User user = identity.createUserQuery().userId(userId).singleResult();
    String email = user != null && user.getEmail() != null ? user.getEmail() : userId;
    String body = body(user, inviter(), group, tenantId, link(token), expires);
    AfterCommit.run(() -> send(email, body));
    LOG.info("Invitación creada para {} (vence {})", userId, expires);
    return token;
  }

  String link(String token) {
    return publicUrl + "/cuenta/activar?token=" + token;
  }

  /** The user of a valid (unused, unexpired) token. */
  Optional<String> userOf(String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql("select user_id from cc_invitation where token_hash = :h and used_at is null and expires_at > :now")
        .param("h", hash(token)).param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()))
        .query(String.class).optional();
  }

  /**
   * Uses the token (once) and sets the password, in one transaction. Returns the user id, or empty
   * when the token is unknown, used or expired. The password must already satisfy {@link PasswordRules}.
   */
  Optional<String> activate(String token, String password) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return transaction.execute(status -> {
      Timestamp now = Timestamp.from(ClockUtil.getCurrentTime().toInstant());
      Optional<String> userId = userOf(token);
      if (userId.isEmpty()) {
        return Optional.<String>empty();
      }
      int used = jdbc.sql("update cc_invitation set used_at = :now where token_hash = :h and used_at is null and expires_at > :now")
          .param("now", now).param("h", hash(token)).update();
      User user = identity.createUserQuery().userId(userId.get()).singleResult();
      if (used != 1 || user == null) {
        status.setRollbackOnly();
        return Optional.<String>empty();
      }
      user.setPassword(password);
      identity.saveUser(user);
      LOG.info("Contraseña establecida por invitación: {}", user.getId());
      return userId;
    });
  }

  private void send(String email, String body) {
    try {
      var message = sender.createMimeMessage();
      var helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(email);
      helper.setSubject("Invitación a Cocreación desde lo local: active su cuenta");
      helper.setText(body, false);
      sender.send(message);
    } catch (MessagingException | RuntimeException e) {
      LOG.error("No se pudo enviar la invitación a {}. La cuenta existe pero sin contraseña: el organismo"
          + " garante puede reenviarla volviendo a realizar la elección (o la administración puede fijar una"
          + " contraseña en Admin).", email, e);
    }
  }

  private String inviter() {
    String current = Optional.ofNullable(identity.getCurrentAuthentication()).map(Authentication::getUserId).orElse(null);
    if (current == null) {
      return "El organismo garante de su entidad";
    }
    User user = identity.createUserQuery().userId(current).singleResult();
    String name = user == null ? "" : (nz(user.getFirstName()) + " " + nz(user.getLastName())).trim();
    return name.isEmpty() ? current : name + " (" + current + ")";
  }

  static String roleLabel(String group) {
    if (group == null) return null;
    return switch (group) {
      case Roles.STL -> "integrante del Secretariado Técnico Local (STL)";
      case Roles.FACILITATOR -> "persona facilitadora";
      default -> group;
    };
  }

  private String body(User user, String inviter, String group, String tenantId, String link, Instant expires) {
    String name = user == null ? "" : (nz(user.getFirstName()) + " " + nz(user.getLastName())).trim();
    StringBuilder text = new StringBuilder();
    text.append(name.isEmpty() ? "Hola:" : "Hola, " + name + ":").append("\n\n")
        .append(inviter).append(" le invita a la plataforma Cocreación desde lo local");
    if (group != null) {
      text.append(" como ").append(roleLabel(group));
    }
    if (tenantId != null) {
      text.append(" de la entidad ").append(EntityCatalogue.nameOf(tenantId));
    }
    text.append(".\n\n")
        .append("Su usuario es: ").append(user == null ? "" : user.getId()).append("\n\n")
        .append("Para activar su cuenta, elija su contraseña en esta página (el enlace sirve una sola vez):\n")
        .append(link).append("\n\n")
        .append("El enlace vence el ").append(MexicanDates.dateTime(expires)).append(" (hora de la Ciudad de México).")
        .append(" Después podrá entrar a Tasklist:\n").append(publicUrl).append("/camunda/app/tasklist/\n\n")
        .append("Si el enlace venció, pida al organismo garante que le envíe una nueva invitación.\n\n")
        .append("Cocreación desde lo local\n")
        .append("(Mensaje automático; por favor no responda a este correo.)\n");
    return text.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static boolean wellFormed(String token) {
    return token != null && token.length() >= 20 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
