package mx.cocreacion.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import mx.cocreacion.validation.AnswerMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's own refusals, in Spanish: a missing permission (the engine's {@link AuthorizationException},
 * English in Camunda) becomes a 403 that says which permission on which resource is missing; a REST
 * "not found" (404) says, as for another entidad's task, that nothing was found in the person's entidades;
 * "No task found for task id" of the attachment and comment resources (a 400 in Camunda) and "Cannot find
 * task" of a task completed meanwhile (a 500 in Camunda) are that same 404.
 * The project's own refusals ({@link Refusal}, validation) keep their answers.
 */
public abstract class CamundaRefusalMapper<T extends Throwable> extends AnswerMapper<T> {

  static final Map<String, String> RESOURCES = Map.ofEntries(
      Map.entry("Task", "la tarea"), Map.entry("ProcessInstance", "las instancias de proceso"),
      Map.entry("ProcessDefinition", "el proceso"), Map.entry("Deployment", "los despliegues"),
      Map.entry("User", "la cuenta"), Map.entry("Group", "el grupo"), Map.entry("Tenant", "la entidad"),
      Map.entry("Authorization", "las autorizaciones"), Map.entry("Filter", "el filtro"),
      Map.entry("Batch", "los lotes"), Map.entry("HistoricTask", "el historial de la tarea"),
      Map.entry("HistoricProcessInstance", "el historial del proceso"), Map.entry("System", "el sistema"));

  @Override
  protected Optional<Response> answer(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal) {
        return Optional.empty();
      }
      if (t instanceof AuthorizationException denied) {
        return Optional.of(json(403, "AuthorizationException", "No tiene permiso para esta operación: "
            + missing(denied.getMissingAuthorizations()) + "."));
      }
      if (t instanceof NullValueException missing && missing.getMessage() != null
          && missing.getMessage().startsWith("Cannot find")) {
        // e.g. completing a task that was completed meanwhile: Camunda answers 500.
        return Optional.of(json(404, "InvalidRequestException", TenantCheckExceptionMapper.MESSAGE));
      }
      if (t instanceof RestException rest && (rest.getStatus() == Response.Status.NOT_FOUND
          || (rest.getStatus() == Response.Status.BAD_REQUEST && rest.getMessage() != null
              && rest.getMessage().startsWith("No task found for task id")))) {
        return Optional.of(json(404, "InvalidRequestException", TenantCheckExceptionMapper.MESSAGE));
      }
    }
    return Optional.empty();
  }

  private static String missing(List<MissingAuthorization> missing) {
    if (missing == null || missing.isEmpty()) {
      return "su cuenta no tiene el permiso que se requiere";
    }
    return "se requiere " + missing.stream().map(m -> "el permiso " + m.getViolatedPermissionName() + " sobre "
        + RESOURCES.getOrDefault(m.getResourceType(), m.getResourceType())).distinct()
        .collect(Collectors.joining(" o "));
  }

  @Priority(3)
  public static class ForRestException extends CamundaRefusalMapper<RestException> {}

  @Priority(3)
  public static class ForProcessEngineException extends CamundaRefusalMapper<ProcessEngineException> {}
}
