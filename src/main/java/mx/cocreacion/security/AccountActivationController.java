package mx.cocreacion.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /cuenta/activar}: the page of an invitation link, where the person sets their own
 * password (rules in {@link PasswordRules}) and then logs in to Tasklist. The form carries a random
 * token kept in the HTTP session (CSRF protection), which is created only for a valid invitation (an
 * anonymous visit with no or a wrong token creates none); the invitation token is single use.
 */
@Controller
class AccountActivationController {

  static final String CSRF = "cuenta.csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Invitations invitations;

  AccountActivationController(Invitations invitations) {
    this.invitations = invitations;
  }

  @GetMapping("/cuenta/activar")
  String form(@RequestParam(name = "token", required = false) String token, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Optional<String> user = token == null ? Optional.empty() : invitations.userOf(token);
    if (user.isEmpty()) {
      return invalid(response, model);
    }
    return showForm(token, user.get(), request.getSession(true), model, null);
  }

  @PostMapping("/cuenta/activar")
  String activate(@RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "password", required = false) String password,
      @RequestParam(name = "confirmacion", required = false) String confirmation,
      @RequestParam(name = "csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CSRF);
    if (!(expected instanceof String e) || csrf == null
        || !MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("titulo", "Solicitud no válida");
      model.addAttribute("mensaje", "El formulario venció o no proviene de esta página. Vuelva a abrir el enlace de su invitación.");
      return "cuenta/invalido";
    }
    Optional<String> user = token == null ? Optional.empty() : invitations.userOf(token);
    if (user.isEmpty()) {
      return invalid(response, model);
    }
    Optional<String> problem = PasswordRules.problem(password, user.get());
    if (problem.isEmpty() && !password.equals(confirmation)) {
      problem = Optional.of("Las dos contraseñas no coinciden.");
    }
    if (problem.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return showForm(token, user.get(), session, model, problem.get());
    }
    Optional<String> activated = invitations.activate(token, password);
    if (activated.isEmpty()) {
      return invalid(response, model);
    }
    session.removeAttribute(CSRF);
    model.addAttribute("usuario", activated.get());
    return "cuenta/activada";
  }

  private String showForm(String token, String userId, HttpSession session, Model model, String error) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(CSRF, csrf);
    model.addAttribute("token", token);
    model.addAttribute("usuario", userId);
    model.addAttribute("csrf", csrf);
    model.addAttribute("error", error);
    model.addAttribute("minimo", PasswordRules.MIN_LENGTH);
    return "cuenta/activar";
  }

  private static String invalid(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_GONE);
    model.addAttribute("titulo", "Enlace vencido o ya usado");
    model.addAttribute("mensaje", "Este enlace de invitación venció o ya se usó. Si todavía no tiene contraseña,"
        + " pida al organismo garante de su entidad que le envíe una nueva invitación.");
    return "cuenta/invalido";
  }
}
