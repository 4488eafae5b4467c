package mx.cocreacion.completion;

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
 * Requests that break one of the engine's own rules and that Camunda's REST answers with 500 although
 * the request is at fault: answered with 400 and a Spanish message naming the rule. The engine's message
 * code ({@code ENGINE-nnnnn}) identifies each rule.
 */
public abstract class EngineRuleExceptionMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

  /** Engine message codes of rules broken by the request, and what to tell the client. */
  static final Map<String, String> RULES = Map.of(
      "ENGINE-13024", "skipCustomListeners y skipIoMappings solo valen con startInstructions, que son de la "
          + "administración de la plataforma: un ejercicio se inicia tal como está modelado");

  @Override
  public boolean isMappable(T exception) {
    return rule(exception).isPresent();
  }

  @Override
  public Response toResponse(T exception) {
    return rule(exception).map(message -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "Solicitud no válida: " + message + ".");
      body.put("code", null);
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
  }

  static Optional<String> rule(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String text = t.getMessage();
      if (text != null) {
        for (var rule : RULES.entrySet()) {
          if (text.contains(rule.getKey())) {
            return Optional.of(rule.getValue());
          }
        }
      }
    }
    return Optional.empty();
  }

  @Priority(1)
  public static class ForRestException extends EngineRuleExceptionMapper<RestException> {}

  @Priority(1)
  public static class ForProcessEngineException extends EngineRuleExceptionMapper<ProcessEngineException> {}
}
