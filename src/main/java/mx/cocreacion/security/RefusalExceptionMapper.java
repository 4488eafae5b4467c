package mx.cocreacion.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Answers a {@link Refusal} of the {@link EndUserGuard} with its status and Spanish message, in
 * Camunda's error format ({@code type}, {@code message}), whichever wrapper the REST resource put
 * around it. Registered in both JAX-RS applications (engine REST and the webapps' API) by
 * {@link mx.cocreacion.completion.ValidationAutoDiscoverable}.
 */
public abstract class RefusalExceptionMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

  @Override
  public boolean isMappable(T exception) {
    return find(exception).isPresent();
  }

  @Override
  public Response toResponse(T exception) {
    return find(exception).map(RefusalExceptionMapper::response)
        .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  static Optional<Refusal> find(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof Refusal refusal) {
        return Optional.of(refusal);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  static Response response(Refusal refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", switch (refusal.status()) {
      case Refusal.NOT_FOUND -> "InvalidRequestException";
      case Refusal.BAD_REQUEST -> "ValidationException";
      default -> "AuthorizationException";
    });
    body.put("message", refusal.getMessage());
    body.put("code", null);
    return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** For the {@link RestException} that resources such as {@code TaskResourceImpl.complete} throw. */
  @Priority(1)
  public static class ForRestException extends RefusalExceptionMapper<RestException> {}

  /** For the refusal as it was thrown (an {@link org.camunda.bpm.engine.AuthorizationException}). */
  @Priority(1)
  public static class ForProcessEngineException extends RefusalExceptionMapper<ProcessEngineException> {}
}
