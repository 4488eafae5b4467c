package mx.cocreacion.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import mx.cocreacion.validation.AnswerMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers a {@link Refusal} of the {@link EndUserGuard} with its status and Spanish message, in
 * Camunda's error format ({@code type}, {@code message}), whichever wrapper the REST resource put
 * around it. Registered in both JAX-RS applications (engine REST and the webapps' API) by
 * {@link mx.cocreacion.completion.ValidationAutoDiscoverable}.
 */
public abstract class RefusalExceptionMapper<T extends Throwable> extends AnswerMapper<T> {

  @Override
  protected Optional<Response> answer(Throwable exception) {
    return inCauses(exception, t -> t instanceof Refusal r ? Optional.of(r) : Optional.empty())
        .map(refusal -> json(refusal.status(), switch (refusal.status()) {
          case Refusal.NOT_FOUND -> "InvalidRequestException";
          case Refusal.BAD_REQUEST -> "ValidationException";
          default -> "AuthorizationException";
        }, refusal.getMessage()));
  }

  /** For the {@link RestException} that resources such as {@code TaskResourceImpl.complete} throw. */
  @Priority(1)
  public static class ForRestException extends RefusalExceptionMapper<RestException> {}

  /** For the refusal as it was thrown (an {@link org.camunda.bpm.engine.AuthorizationException}). */
  @Priority(1)
  public static class ForProcessEngineException extends RefusalExceptionMapper<ProcessEngineException> {}
}
