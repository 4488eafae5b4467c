package mx.cocreacion.completion;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.validation.AnswerMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Requests that break one of the engine's own rules and that Camunda's REST answers with 500 although
 * the request is at fault: answered with 400 and a Spanish message naming the rule. The engine's message
 * code ({@code ENGINE-nnnnn}) identifies each rule.
 */
public abstract class EngineRuleExceptionMapper<T extends Throwable> extends AnswerMapper<T> {

  /** Engine message codes of rules broken by the request, and what to tell the client. */
  static final Map<String, String> RULES = Map.of(
      "ENGINE-13024", "skipCustomListeners y skipIoMappings solo valen con startInstructions, que son de la "
          + "administración de la plataforma: un ejercicio se inicia tal como está modelado",
      "ENGINE-17007", "la plataforma no acepta valores en serialización Java; use los tipos del contrato (String, "
          + "Boolean, Integer, Date, Json, File)",
      "Cannot find serializer", "la plataforma no acepta ese tipo de valor; use los tipos del contrato (String, "
          + "Boolean, Integer, Date, Json, File)");

  @Override
  protected Optional<Response> answer(Throwable exception) {
    return inCauses(exception, t -> RULES.entrySet().stream()
            .filter(rule -> t.getMessage() != null && t.getMessage().contains(rule.getKey()))
            .map(Map.Entry::getValue).findFirst())
        .map(rule -> json(400, "InvalidRequestException", "Solicitud no válida: " + rule + "."));
  }

  @Priority(1)
  public static class ForRestException extends EngineRuleExceptionMapper<RestException> {}

  @Priority(1)
  public static class ForProcessEngineException extends EngineRuleExceptionMapper<ProcessEngineException> {}
}
