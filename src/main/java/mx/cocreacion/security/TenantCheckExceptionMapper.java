package mx.cocreacion.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import mx.cocreacion.validation.AnswerMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Answers the engine's tenant check ({@code ENGINE-13034 Cannot ... because it belongs to no authenticated
 * tenant}: a person of {@code jal} working on a task, instance or variable of {@code oax}) with HTTP 404 and a
 * Spanish message, as for an unknown id, instead of Camunda's HTTP 500 that names the resource: nothing tells
 * that the id exists in another entidad. The check fails as a {@link ProcessEngineException}; resources such as
 * {@code TaskResourceImpl.complete} wrap it in a 500 {@link RestException}, so the whole cause chain is searched.
 * Takes precedence over Camunda's mappers ({@code @Priority}) only for that failure ({@link #isMappable});
 * everything else keeps Camunda's answer. Registered in both JAX-RS applications by
 * {@link mx.cocreacion.completion.ValidationAutoDiscoverable}.
 */
public abstract class TenantCheckExceptionMapper<T extends Throwable> extends AnswerMapper<T> {

  /** The engine's code and wording of the failed tenant check ({@code CommandLogger}, id 034). */
  static final String CODE = "ENGINE-13034";
  static final String WORDING = "because it belongs to no authenticated tenant";
  public static final String MESSAGE =
      "No se encontró el recurso solicitado en las entidades a las que usted pertenece.";

  @Override
  protected Optional<Response> answer(Throwable exception) {
    return isTenantCheckFailure(exception)
        ? Optional.of(json(404, "InvalidRequestException", MESSAGE)) : Optional.empty();
  }

  static boolean isTenantCheckFailure(Throwable exception) {
    return inCauses(exception, t -> t.getMessage() != null && t.getMessage().contains(CODE)
        && t.getMessage().contains(WORDING) ? Optional.of(t) : Optional.empty()).isPresent();
  }

  /** For the {@link RestException} that resources such as {@code TaskResourceImpl.complete} throw. */
  @Priority(1)
  public static class ForRestException extends TenantCheckExceptionMapper<RestException> {}

  /** For the engine's exception when it reaches the REST layer unwrapped (claim, variables, ...). */
  @Priority(1)
  public static class ForProcessEngineException extends TenantCheckExceptionMapper<ProcessEngineException> {}
}
