package mx.cocreacion.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /cuenta/calendario}: the page where a person logged in to Tasklist (the Camunda webapps' session)
 * creates, renews or removes the secret URL of their calendar feed. It acts only on the session's own person;
 * changes are POSTs carrying a random token kept in that session (CSRF protection, as {@code /cuenta/activar}).
 * The URL is shown once, right after it is created or renewed: only its hash is stored. Without a webapp login
 * the page answers 401 with a link to Tasklist and creates no session.
 */
@Controller
class CalendarAccountController {

  static final String VIEW = "cuenta/calendario";
  static final String CSRF = "calendario.csrf";
  static final String ENGINE = "default";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy, HH:mm", Locale.forLanguageTag("es-MX"))
          .withZone(mx.cocreacion.validation.Dates.MEXICO);

  private final CalendarTokens tokens;
  private final CalendarMilestones milestones;

  CalendarAccountController(CalendarTokens tokens, CalendarMilestones milestones) {
    this.tokens = tokens;
    this.milestones = milestones;
  }

  @GetMapping("/cuenta/calendario")
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> user = user(request);
    if (user.isEmpty()) {
      return loginFirst(response);
    }
    return show(user.get(), request.getSession(false), model, null);
  }

  @PostMapping("/cuenta/calendario")
  String change(@RequestParam(name = "accion", required = false) String action,
      @RequestParam(name = "csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> user = user(request);
    if (user.isEmpty()) {
      return loginFirst(response);
    }
    HttpSession session = request.getSession(false);
    Object expected = session.getAttribute(CSRF);
    if (!(expected instanceof String e) || csrf == null
        || !MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("titulo", "Solicitud no válida");
      model.addAttribute("mensaje", "El formulario venció o no proviene de esta página. Vuelva a abrir «Mi calendario» desde Tasklist.");
      return "cuenta/invalido";
    }
    if ("quitar".equals(action)) {
      tokens.revoke(user.get());
      return show(user.get(), session, model, null);
    }
    if (!"renovar".equals(action)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("titulo", "Solicitud no válida");
      model.addAttribute("mensaje", "«accion» debe ser «renovar» o «quitar».");
      return "cuenta/invalido";
    }
    String token = tokens.renew(user.get());
    return show(user.get(), session, model, milestones.publicUrl() + "/calendario/" + token + ".ics");
  }

  private String show(String user, HttpSession session, Model model, String newUrl) {
    Object csrf = session.getAttribute(CSRF);
    if (!(csrf instanceof String)) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(CSRF, csrf);
    }
    model.addAttribute("usuario", user);
    model.addAttribute("csrf", csrf);
    model.addAttribute("creado", tokens.createdAt(user).map(WHEN::format).orElse(null));
    model.addAttribute("enlace", newUrl);
    model.addAttribute("webcal", newUrl == null ? null : newUrl.replaceFirst("^https?://", "webcal://"));
    return VIEW;
  }

  private static String loginFirst(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    return "cuenta/iniciar-sesion";
  }

  /** The person logged in to the webapps in this request's session (never creates a session). */
  static Optional<String> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(ENGINE);
    return auth == null || auth.getName() == null ? Optional.empty() : Optional.of(auth.getName());
  }
}
