package mx.cocreacion.validation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * The shape of the project's JAX-RS exception mappers (registered in engine REST and the webapps' API):
 * each looks through the cause chain of what a resource threw, since Camunda wraps engine exceptions in
 * {@code RestException}s and listeners' exceptions in {@code ProcessEngineException}s, and answers only
 * what it recognises ({@link #isMappable}); everything else keeps Camunda's answer. Bodies are in
 * Camunda's error format ({@code type}, {@code message}, {@code code}).
 */
public abstract class AnswerMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

  /** The answer to {@code exception}, if this mapper recognises it. */
  protected abstract Optional<Response> answer(Throwable exception);

  @Override
  public boolean isMappable(T exception) {
    return answer(exception).isPresent();
  }

  @Override
  public Response toResponse(T exception) {
    return answer(exception).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  /** The first cause (the exception itself included) for which {@code find} has something. */
  protected static <X> Optional<X> inCauses(Throwable exception, Function<Throwable, Optional<X>> find) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<X> found = find.apply(t);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A JSON answer in Camunda's error format. */
  public static Response json(int status, String type, String message) {
    return json(status, type, message, Map.of());
  }

  /** A JSON answer in Camunda's error format with more fields (e.g. {@code violations}). */
  public static Response json(int status, String type, String message, Map<String, Object> more) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", null);
    body.putAll(more);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
