package mx.cocreacion.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import mx.cocreacion.security.WebappSession;
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
    Optional<String> user = WebappSession.user(request);
    if (user.isEmpty()) {
      return loginFirst(response);
    }
    return show(user.get(), request.getSession(false), model, null);
  }

  @PostMapping("/cuenta/calendario")
  String change(@RequestParam(name = "accion", required = false) String action,
      @RequestParam(name = "csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> user = WebappSession.user(request);
    if (user.isEmpty()) {
      return loginFirst(response);
    }
    HttpSession session = request.getSession(false);
    if (!WebappSession.csrfMatches(session, CSRF, csrf)) {
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
    model.addAttribute("usuario", user);
    model.addAttribute("csrf", WebappSession.csrf(session, CSRF));
    model.addAttribute("creado", tokens.createdAt(user).map(WHEN::format).orElse(null));
    model.addAttribute("enlace", newUrl);
    model.addAttribute("webcal", newUrl == null ? null : newUrl.replaceFirst("^https?://", "webcal://"));
    return VIEW;
  }

  private static String loginFirst(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    return "cuenta/iniciar-sesion";
  }
}
