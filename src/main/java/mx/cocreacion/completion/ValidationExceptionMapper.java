package mx.cocreacion.completion;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Answers a refused completion or start with HTTP 400 and the Spanish message of the
 * {@link ValidationException}, in Camunda's error format ({@code type}, {@code message}) plus the
 * list of {@code violations}. The engine wraps a listener's exception (ENGINE-03051) and the REST
 * resources wrap that again in a 500 {@link RestException}; this mapper finds the validation
 * failure in the cause chain. It takes precedence over Camunda's mappers ({@code @Priority}) only
 * for such failures ({@link #isMappable}); everything else keeps Camunda's answer. Registered in
 * both JAX-RS applications (engine REST and the webapps' API used by Tasklist) by
 * {@link ValidationAutoDiscoverable}.
 */
public abstract class ValidationExceptionMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

  @Override
  public boolean isMappable(T exception) {
    return find(exception).isPresent();
  }

  @Override
  public Response toResponse(T exception) {
    return find(exception).map(ValidationExceptionMapper::badRequest)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  static Optional<ValidationException> find(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof ValidationException v) {
        return Optional.of(v);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static Response badRequest(ValidationException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "ValidationException");
    body.put("message", e.getMessage());
    body.put("code", null);
    List<Map<String, String>> violations = e.getViolations().stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList();
    body.put("violations", violations);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** For the {@link RestException} that resources such as {@code TaskResourceImpl.complete} throw. */
  @Priority(1)
  public static class ForRestException extends ValidationExceptionMapper<RestException> {}

  /** For a refusal that reaches the REST layer as it was thrown (e.g. from a start listener). */
  @Priority(1)
  public static class ForValidationException extends ValidationExceptionMapper<ValidationException> {}

  /** For engine exceptions that reach the REST layer unwrapped. */
  @Priority(1)
  public static class ForProcessEngineException extends ValidationExceptionMapper<ProcessEngineException> {}
}
