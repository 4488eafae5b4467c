package mx.cocreacion.operations;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine REST and the webapps' API answer a failure of the database as {@link DatabaseFaults} says (503
 * with {@code Retry-After}, 409 or 400, a Spanish message that Tasklist shows), instead of Camunda's 500
 * that quotes the persistence layer. The details go to the log. Registered in every JAX-RS application by
 * {@link DatabaseFaultAutoDiscoverable}.
 */
public abstract class DatabaseFaultExceptionMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultExceptionMapper.class);

  @Override
  public boolean isMappable(T exception) {
    return DatabaseFaults.of(exception).isPresent();
  }

  @Override
  public Response toResponse(T exception) {
    return DatabaseFaults.of(exception).map(fault -> {
      LOG.warn("Falla de la base de datos respondida con {}: {}", fault.status(), exception.toString());
      var response = Response.status(fault.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(fault.body());
      if (fault.retryLater()) {
        response.header(HttpHeaders.RETRY_AFTER, DatabaseFaults.RETRY_AFTER_SECONDS);
      }
      return response.build();
    }).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
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
