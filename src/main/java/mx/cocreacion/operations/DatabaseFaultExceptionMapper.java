package mx.cocreacion.operations;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import mx.cocreacion.validation.AnswerMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine REST and the webapps' API answer a failure of the database as {@link DatabaseFaults} says (503
 * with {@code Retry-After}, 409 or 400, a Spanish message that Tasklist shows), instead of Camunda's 500
 * that quotes the persistence layer. The details go to the log. Registered in every JAX-RS application by
 * {@link DatabaseFaultAutoDiscoverable}.
 */
public abstract class DatabaseFaultExceptionMapper<T extends Throwable> extends AnswerMapper<T> {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultExceptionMapper.class);

  @Override
  protected Optional<Response> answer(Throwable exception) {
    return DatabaseFaults.of(exception).map(fault -> {
      LOG.warn("Falla de la base de datos respondida con {}: {}", fault.status(), exception.toString());
      Response response = json(fault.status(), fault.type(), fault.message());
      if (fault.retryLater()) {
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, DatabaseFaults.RETRY_AFTER_SECONDS);
      }
      return response;
    });
  }

  /** For the {@link RestException} that resources such as {@code TaskResourceImpl.complete} throw. */
  @Priority(2)
  public static class ForRestException extends DatabaseFaultExceptionMapper<RestException> {}

  @Priority(2)
  public static class ForProcessEngineException extends DatabaseFaultExceptionMapper<ProcessEngineException> {}

  /** Spring's exceptions from the project's repositories inside an engine command. */
  @Priority(2)
  public static class ForRuntimeException extends DatabaseFaultExceptionMapper<RuntimeException> {}
}
