package mx.cocreacion.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cocreacion.security.BasicCredentials;
import mx.cocreacion.security.RestAuthenticationCache;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Access to Spring Boot Actuator ({@code /actuator/**}) with the platform's own accounts (Camunda
 * identity, HTTP Basic): the overall health ({@code /actuator/health}, also its liveness and
 * readiness groups) answers anyone, without details; every other endpoint (Prometheus metrics,
 * health details) needs an account in one of {@code cocreacion.operations.actuator-groups}
 * (camunda-admin and inai by default). Wrong credentials are refused with 401 on every path, an
 * account outside those groups with 403.
 *
 * <p>A person who passes is handed to the actuator as the request's principal, with their groups as
 * roles, so {@code management.endpoint.health.show-details: when-authorized} shows them the details.
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

  public static final String BASE_PATH = "/actuator";
  static final String HEALTH = BASE_PATH + "/health";
  static final String REALM = "Basic realm=\"Cocreacion operacion\", charset=\"UTF-8\"";

  private final IdentityService identity;
  private final Set<String> allowedGroups;
  private final RestAuthenticationCache logins;

  public ActuatorAccessFilter(IdentityService identity, List<String> allowedGroups, RestAuthenticationCache logins) {
    this.identity = identity;
    this.allowedGroups = Set.copyOf(allowedGroups);
    this.logins = logins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean publicPath = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    String authorization = request.getHeader("Authorization");
    if (!BasicCredentials.isBasic(authorization)) {
      if (publicPath) {
        chain.doFilter(request, response);
      } else {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
            "Se requiere autenticación (HTTP Basic) con una cuenta de administración o del INAI.");
      }
      return;
    }
    BasicCredentials credentials = BasicCredentials.of(authorization).orElse(null);
    if (credentials == null || !identity.checkPassword(credentials.user(), credentials.password())) {
      if (credentials != null) {
        logins.forget(credentials.user()); // as engine REST does: the lock of a wrong password applies everywhere
      }
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Usuario o contraseña incorrectos.");
      return;
    }
    String user = credentials.user();
    Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    if (groups.stream().noneMatch(allowedGroups::contains)) {
      if (publicPath) {
        chain.doFilter(request, response); // the overall status only, as for anyone
      } else {
        refuse(response, HttpServletResponse.SC_FORBIDDEN,
            "La cuenta " + user + " no puede consultar la operación: se requiere el grupo "
                + String.join(" o ", allowedGroups.stream().sorted().toList()) + ".");
      }
      return;
    }
    chain.doFilter(new AuthenticatedRequest(request, user, groups), response);
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", REALM);
    }
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":" + status + ",\"message\":\"" + message.replace("\\", "\\\\")
        .replace("\"", "\\\"") + "\"}");
  }

  /** The request as seen by the actuator: the person as principal, their groups as roles. */
  static final class AuthenticatedRequest extends HttpServletRequestWrapper {

    private final String user;
    private final Set<String> groups;

    AuthenticatedRequest(HttpServletRequest request, String user, Set<String> groups) {
      super(request);
      this.user = user;
      this.groups = groups;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }
  }
}
