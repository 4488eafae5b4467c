package mx.cocreacion.stl;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.security.BasicCredentials;
import mx.cocreacion.security.Refusal;
import mx.cocreacion.security.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A suplente votes in place of an absent titular ({@link StandIns}): the page {@code /suplencia/{task}} for a person
 * logged in to Tasklist (Tasklist's note on a titular's vote links to it), and {@code /api/tasks/{task}/suplencia}
 * for a REST client with HTTP Basic. Both only call {@link StandIns}, which decides from the plan of record.
 */
@Controller
@Tag(name = "Suplencia", description = "Una persona suplente vota en lugar de la titular ausente de su sector")
class StandInController {

  static final String VIEW = "cuenta/suplencia";
  /** The page of a vote's stand-in, followed by the task id (also the notices' link). */
  static final String PAGE = "/suplencia/";
  static final String CSRF = "suplencia.csrf";

  private final StandIns standIns;
  private final IdentityService identity;

  StandInController(StandIns standIns, IdentityService identity) {
    this.standIns = standIns;
    this.identity = identity;
  }

  @Schema(description = "Motivo de la suplencia (opcional, hasta 1,000 caracteres)")
  record TakeOver(@Schema(description = "Por qué vota la persona suplente, p. ej. «Ausencia por comisión»")
      String reason) {}

  @Schema(description = "El voto y quién lo emite")
  record Answer(String taskId, String taskName, String seat, String sector, String standIn, String message) {}

  @PostMapping(value = "/api/tasks/{taskId}/suplencia", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "Votar en suplencia",
      description = "La persona suplente (autenticada con HTTP Basic) toma el voto de la persona titular ausente de su "
          + "sector: «Votar persona facilitadora», «Aprobar compromisos» o «Votar modificación del compromiso». La tarea "
          + "pasa a la suplente, que la completa como la titular lo haría; el voto cuenta una vez, como el de la titular.",
      security = @SecurityRequirement(name = "basic"))
  @ApiResponse(responseCode = "200", description = "La persona suplente tiene ahora el voto")
  @ApiResponse(responseCode = "400", description = "El motivo no es válido; nada cambia")
  @ApiResponse(responseCode = "401", description = "Falta la autenticación o es incorrecta")
  @ApiResponse(responseCode = "403", description = "La persona no es suplente del sector de la titular")
  @ApiResponse(responseCode = "404", description = "La tarea no existe, ya se completó o es de otra entidad")
  @ApiResponse(responseCode = "409", description = "La tarea no es un voto de titular, o ya se vota en suplencia")
  ResponseEntity<?> take(@Parameter(description = "Id de la tarea de voto") @PathVariable String taskId,
      @RequestBody(required = false) TakeOver body,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    return api(auth, user -> {
      StandIns.Situation now = standIns.take(user, taskId, body == null ? null : body.reason());
      return answer(now, "Usted vota en lugar de " + now.seat().name() + ". Complete la tarea en Tasklist.");
    });
  }

  @DeleteMapping(value = "/api/tasks/{taskId}/suplencia", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "Devolver el voto a la persona titular",
      description = "La persona suplente que tomó el voto, o la titular, lo devuelve a la titular antes de votar.",
      security = @SecurityRequirement(name = "basic"))
  @ApiResponse(responseCode = "200", description = "El voto vuelve a la persona titular")
  @ApiResponse(responseCode = "401", description = "Falta la autenticación o es incorrecta")
  @ApiResponse(responseCode = "403", description = "La persona no es la titular ni quien vota en su lugar")
  @ApiResponse(responseCode = "404", description = "La tarea no existe, ya se completó o es de otra entidad")
  @ApiResponse(responseCode = "409", description = "Nadie vota en suplencia en esta tarea")
  ResponseEntity<?> giveBack(@Parameter(description = "Id de la tarea de voto") @PathVariable String taskId,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth) {
    return api(auth, user -> {
      StandIns.Situation now = standIns.giveBack(user, taskId);
      return answer(now, "El voto vuelve a " + now.seat().name() + ".");
    });
  }

  @GetMapping(PAGE + "{taskId}")
  String page(@PathVariable String taskId, HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> user = WebappSession.user(request);
    if (user.isEmpty()) {
      return loginFirst(response, model);
    }
    try {
      return show(standIns.situation(user.get(), taskId), request.getSession(false), model, null);
    } catch (Refusal refusal) {
      return refused(refusal, response, model);
    }
  }

  @PostMapping(PAGE + "{taskId}")
  String change(@PathVariable String taskId, @RequestParam(name = "accion", required = false) String action,
      @RequestParam(name = "motivo", required = false) String reason,
      @RequestParam(name = "csrf", required = false) String csrf,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Optional<String> user = WebappSession.user(request);
    if (user.isEmpty()) {
      return loginFirst(response, model);
    }
    HttpSession session = request.getSession(false);
    if (!WebappSession.csrfMatches(session, CSRF, csrf)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("titulo", "Solicitud no válida");
      model.addAttribute("mensaje", "El formulario venció o no proviene de esta página. Vuelva a abrir el voto desde "
          + "Tasklist.");
      return "cuenta/invalido";
    }
    try {
      if ("tomar".equals(action)) {
        standIns.take(user.get(), taskId, reason);
        return "redirect:/camunda/app/tasklist/default/#/?task=" + taskId;
      }
      if ("devolver".equals(action)) {
        StandIns.Situation now = standIns.giveBack(user.get(), taskId);
        return show(now, session, model, "El voto volvió a " + now.seat().name() + ".");
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("titulo", "Solicitud no válida");
      model.addAttribute("mensaje", "«accion» debe ser «tomar» o «devolver».");
      return "cuenta/invalido";
    } catch (Refusal refusal) {
      if (refusal.status() == HttpServletResponse.SC_BAD_REQUEST) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("motivo", reason);
        return show(standIns.situation(user.get(), taskId), session, model, refusal.getMessage());
      }
      return refused(refusal, response, model);
    }
  }

  private String show(StandIns.Situation now, HttpSession session, Model model, String message) {
    model.addAttribute("voto", now);
    model.addAttribute("mensaje", message);
    model.addAttribute("csrf", WebappSession.csrf(session, CSRF));
    model.addAttribute("maximo", StandIns.MAX_REASON);
    return VIEW;
  }

  private static String refused(Refusal refusal, HttpServletResponse response, Model model) {
    response.setStatus(refusal.status());
    model.addAttribute("titulo", refusal.status() == 404 ? "Voto no encontrado" : "No puede votar en suplencia");
    model.addAttribute("mensaje", refusal.status() == 404
        ? "No hay una tarea abierta con ese id en sus entidades: quizá ya se votó." : refusal.getMessage());
    return "cuenta/invalido";
  }

  private static String loginFirst(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    model.addAttribute("proposito", "Para votar en suplencia de una persona titular");
    return "cuenta/iniciar-sesion";
  }

  private ResponseEntity<?> api(String authorization, java.util.function.Function<String, Answer> action) {
    BasicCredentials credentials = BasicCredentials.of(authorization).orElse(null);
    if (credentials == null || !identity.checkPassword(credentials.user(), credentials.password())) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cocreacion\", charset=\"UTF-8\"")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("type", "AuthenticationException",
              "message", "Se requiere autenticación: usuario y contraseña de la plataforma (HTTP Basic)."));
    }
    try {
      return ResponseEntity.ok(action.apply(credentials.user()));
    } catch (Refusal refusal) {
      String type = switch (refusal.status()) {
        case 400 -> "ValidationException";
        case 404 -> "NotFound";
        case 409 -> "Conflict";
        default -> "AuthorizationException";
      };
      return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("type", type, "message", refusal.getMessage()));
    }
  }

  private static Answer answer(StandIns.Situation now, String message) {
    return new Answer(now.task().getId(), now.task().getName(), now.seat().name(), now.sectorLabel(),
        now.standInName(), message);
  }
}
