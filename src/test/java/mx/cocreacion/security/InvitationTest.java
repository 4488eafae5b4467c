package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations of accounts provisioned outside demo mode: the e-mailed single-use, expiring link to
 * {@code /cuenta/activar}, the password rules, and AccountProvisioning creating the invitation. The
 * shared context runs in demo mode, so the service and AccountProvisioning are called directly.
 */
@CocreacionTest
class InvitationTest {

  static final Pattern LINK = Pattern.compile("(https?://\\S+/cuenta/activar\\?token=[A-Za-z0-9_-]+)");
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired GreenMail smtp;
  @Autowired Invitations invitations;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationEventPublisher events;

  /** A browser: keeps the session cookie between the form and its submission. */
  private Http http;

  @BeforeEach
  void browser() {
    http = Http.withCookies(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String newUser() {
    String id = "inv-" + UUID.randomUUID().toString().substring(0, 8) + "@ejemplo.mx";
    User user = identity.newUser(id);
    user.setEmail(id);
    user.setFirstName("Ana");
    user.setLastName("Pérez");
    user.setPassword("inicial-no-usable-" + UUID.randomUUID());
    identity.saveUser(user);
    return id;
  }

  private List<MimeMessage> mailsTo(String address) throws Exception {
    var result = new java.util.ArrayList<MimeMessage>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
        result.add(m);
      }
    }
    return result;
  }

  private String linkIn(MimeMessage mail) throws Exception {
    Matcher m = LINK.matcher((String) mail.getContent());
    assertThat(m.find()).as("link in the e-mail").isTrue();
    return m.group(1).replaceFirst("^https?://[^/]+", "http://localhost:" + port);
  }

  /** The activation form sent with this password (twice). */
  private Answer post(String token, String csrf, String password) {
    return http.send(http.form("/cuenta/activar", "token", token, "csrf", csrf, "password", password,
        "confirmacion", password));
  }

  private String storedPassword(String userId) {
    return ((org.camunda.bpm.engine.impl.persistence.entity.UserEntity) identity.createUserQuery().userId(userId)
        .singleResult()).getPassword();
  }

  private static String csrf(Answer page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("form token").isTrue();
    return m.group(1);
  }

  @Test
  void theMailedLinkSetsThePasswordOnce() throws Exception {
    String userId = newUser();
    invitations.create(userId, Roles.STL, "oax");

    List<MimeMessage> mails = mailsTo(userId);
    assertThat(mails).hasSize(1);
    String text = (String) mails.get(0).getContent();
    assertThat(text).contains("Secretariado Técnico Local", "Oaxaca", "vence el", "/cuenta/activar?token=");
    String link = linkIn(mails.get(0));
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(jdbc.sql("select count(*) from cc_invitation where token_hash = :h").param("h", Invitations.hash(token))
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from cc_invitation where token_hash = :h").param("h", token)
        .query(Integer.class).single()).as("the token itself is never stored").isZero();

    Answer page = http.get(link);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<form", "Active su cuenta", userId);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // The page carries the invitation token: never framed, cached or passed on as a referrer.
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'"));
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");

    // A visit without a valid token creates no session.
    Answer stranger = new Http(port).get(link.substring(0, link.indexOf("token=")) + "token=no-existe");
    assertThat(stranger.status()).isEqualTo(410);
    assertThat(stranger.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

    // Without the form token: refused.
    assertThat(post(token, "otro", "UnaClaveSegura2031").status()).isEqualTo(403);

    // (checkPassword with a wrong password would lock the user for a while: login throttling.)
    String storedBefore = storedPassword(userId);
    for (String weak : List.of("corta1", "solamenteletras", "123456789012345", userId, "password1234")) {
      Answer refused = post(token, csrf(page), weak);
      assertThat(refused.status()).as(weak).isEqualTo(400);
      assertThat(refused.body()).contains("role=\"alert\"", "<form");
      page = refused;
    }
    assertThat(storedPassword(userId)).as("password unchanged").isEqualTo(storedBefore);

    Answer done = post(token, csrf(page), "UnaClaveSegura2031");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("Ya puede entrar a Tasklist", "/camunda/app/tasklist/");
    assertThat(identity.checkPassword(userId, "UnaClaveSegura2031")).isTrue();

    // Single use.
    Answer again = http.get(link);
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("Enlace vencido o ya usado").doesNotContain("<form");
    assertThat(invitations.activate(token, "OtraClaveSegura2032")).isEmpty();
    assertThat(identity.checkPassword(userId, "OtraClaveSegura2032")).isFalse();
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    String userId = newUser();
    String token = invitations.create(userId);
    String url = "http://localhost:" + port + "/cuenta/activar?token=" + token;
    Answer page = http.get(url);
    assertThat(page.status()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
    assertThat(http.get(url).status()).isEqualTo(410);
    Answer post = post(token, csrf(page), "UnaClaveSegura2031");
    assertThat(post.status()).isEqualTo(410);
    assertThat(post.body()).contains("Enlace vencido o ya usado");
    assertThat(identity.checkPassword(userId, "UnaClaveSegura2031")).isFalse();

    assertThat(http.get("http://localhost:" + port + "/cuenta/activar?token=desconocido-desconocido-123").status())
        .isEqualTo(410);
  }

  @Test
  void outsideDemoModeProvisioningInvitesInsteadOfSettingAPassword() throws Exception {
    var provisioning = new AccountProvisioning(identity, new DemoProperties(false, null, null), invitations,
        new RestAuthenticationCache(Duration.ZERO), events);
    String email = "inv-" + UUID.randomUUID().toString().substring(0, 8) + "@ejemplo.mx";

    String userId = provisioning.provision("Luis Gómez", email, Roles.FACILITATOR, "oax");

    assertThat(identity.checkPassword(userId, "demo")).isFalse();
    assertThat(jdbc.sql("select count(*) from cc_invitation where user_id = :u").param("u", userId)
        .query(Integer.class).single()).isEqualTo(1);
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat((String) mails.get(0).getContent()).contains("persona facilitadora", "/cuenta/activar?token=")
        .doesNotContain("demo");
    // A new account gets its role and its entidad (without first asking for memberships it cannot have yet).
    assertThat(identity.createUserQuery().userId(userId).memberOfGroup(Roles.FACILITATOR).count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().userMember(userId).list()).extracting(t -> t.getId()).containsExactly("oax");
    // A second provisioning of the same (existing) user does not invite again, nor repeat a membership.
    provisioning.provision("Luis Gómez", email, Roles.FACILITATOR, "oax");
    assertThat(mailsTo(email)).hasSize(1);
    // An existing account given another role keeps the first one.
    provisioning.provision("Luis Gómez", email, Roles.STL, "oax");
    assertThat(identity.createGroupQuery().groupMember(userId).list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder(Roles.FACILITATOR, Roles.STL);
    assertThat(identity.createTenantQuery().userMember(userId).count()).isEqualTo(1);
  }

  @Test
  void aRolledBackTransactionSendsNothing() throws Exception {
    String userId = newUser();
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      invitations.create(userId, Roles.STL, "oax");
      status.setRollbackOnly();
    });
    assertThat(mailsTo(userId)).isEmpty();
    assertThat(jdbc.sql("select count(*) from cc_invitation where user_id = :u").param("u", userId)
        .query(Integer.class).single()).isZero();

    new TransactionTemplate(transactions).executeWithoutResult(status -> invitations.create(userId, Roles.STL, "oax"));
    assertThat(mailsTo(userId)).hasSize(1);
  }
}
