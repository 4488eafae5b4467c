package mx.cocreacion.completion;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.validation.AnswerMapper;
import mx.cocreacion.validation.ValidationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers a refused completion or start with HTTP 400 and the Spanish message of the
 * {@link ValidationException}, in Camunda's error format ({@code type}, {@code message}) plus the
 * list of {@code violations}. The engine wraps a listener's exception (ENGINE-03051) and the REST
 * resources wrap that again in a 500 {@link RestException}; this mapper finds the validation
 * failure in the cause chain. It takes precedence over Camunda's mappers ({@code @Priority}) only
 * for such failures; everything else keeps Camunda's answer. Registered in both JAX-RS applications
 * (engine REST and the webapps' API used by Tasklist) by {@link ValidationAutoDiscoverable}.
 */
public abstract class ValidationExceptionMapper<T extends Throwable> extends AnswerMapper<T> {

  @Override
  protected Optional<Response> answer(Throwable exception) {
    return find(exception).map(ValidationExceptionMapper::badRequest);
  }

  static Optional<ValidationException> find(Throwable exception) {
    return inCauses(exception, t -> t instanceof ValidationException v ? Optional.of(v) : Optional.empty());
  }

  static Response badRequest(ValidationException e) {
    List<Map<String, String>> violations = e.getViolations().stream()
        .map(v -> Map.of("field", v.field(), "message", v.message()))
        .toList();
    return json(400, "ValidationException", e.getMessage(), Map.of("violations", violations));
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
