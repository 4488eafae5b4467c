package mx.cocreacion.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The application's own pages for a person logged in to Tasklist ({@code /cuenta/calendario}, {@code /suplencia/…}):
 * who is logged in, from the Camunda webapps' session (never creating one), and the random token each such page keeps
 * in that session so that its POSTs come from it (CSRF protection).
 */
public final class WebappSession {

  static final String ENGINE = "default";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebappSession() {}

  /** The person logged in to the webapps in this request's session. */
  public static Optional<String> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(ENGINE);
    return auth == null || auth.getName() == null ? Optional.empty() : Optional.of(auth.getName());
  }

  /** The page's token in the session, created on first use. */
  public static String csrf(HttpSession session, String attribute) {
    Object token = session.getAttribute(attribute);
    if (token instanceof String s) {
      return s;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(attribute, created);
    return created;
  }

  /** Whether a POST carries the page's token of this session. */
  public static boolean csrfMatches(HttpSession session, String attribute, String sent) {
    Object expected = session == null ? null : session.getAttribute(attribute);
    return expected instanceof String e && sent != null
        && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
