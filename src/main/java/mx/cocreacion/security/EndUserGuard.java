package mx.cocreacion.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import mx.cocreacion.security.EngineCommands.Kind;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The trust boundary of the engine (docs/security.md): every command a person runs, whatever the way
 * in (engine REST under any root, Tasklist, Cockpit, Admin, the Java API with their authentication),
 * passes here before it runs. For an authenticated person who is not {@code camunda-admin}:
 * <ul>
 *   <li>reads pass, and the engine's authorization and tenant checks decide what they return; the
 *       reads Camunda does not check (attachments and comments by id) are checked here ({@link TaskAccess});</li>
 *   <li>the writes of the people's work pass with their checks: a plain start, completing a task,
 *       claiming it for oneself, giving it back, files and comments on an open task of one's own, one's
 *       own password;</li>
 *   <li>everything else, the powers that bypass the model (start at an activity, restart, modification,
 *       migration, variables, resolve, BPMN errors and escalations from a task, new tasks, assignment to
 *       others, identity links, jobs, messages, signals, external tasks, deployments, ...) is refused with
 *       a {@link Refusal}, and so is any command the table {@link EngineCommands} does not know.</li>
 * </ul>
 * The engine itself (job executor, start-up), the administration and code that runs inside a command
 * (delegates and listeners, which the model put there) are not checked: the check is on the outermost
 * command only.
 */
public class EndUserGuard extends CommandInterceptor {

  /** A command the product itself runs for a person after checking them (e.g. the CSV import). */
  private static final ThreadLocal<Class<?>> PERMIT = new ThreadLocal<>();

  /** Spanish names of the refused operations people are most likely to try. */
  private static final Map<String, String> WHAT = Map.ofEntries(
      Map.entry("StartProcessInstanceAtActivitiesCmd", "iniciar un proceso en una actividad elegida"),
      Map.entry("RestartProcessInstancesCmd", "reiniciar un proceso"),
      Map.entry("ModifyProcessInstanceCmd", "modificar un proceso en curso"),
      Map.entry("ProcessInstanceModificationCmd", "modificar un proceso en curso"),
      Map.entry("MigrateProcessInstanceCmd", "migrar un proceso"),
      Map.entry("SetExecutionVariablesCmd", "escribir variables de un proceso"),
      Map.entry("RemoveExecutionVariablesCmd", "borrar variables de un proceso"),
      Map.entry("PatchExecutionVariablesCmd", "escribir variables de un proceso"),
      Map.entry("SetTaskVariablesCmd", "escribir variables de una tarea fuera de su formulario"),
      Map.entry("RemoveTaskVariablesCmd", "borrar variables de una tarea"),
      Map.entry("PatchTaskVariablesCmd", "escribir variables de una tarea fuera de su formulario"),
      Map.entry("ResolveTaskCmd", "resolver una tarea delegada"),
      Map.entry("HandleTaskBpmnErrorCmd", "lanzar un error BPMN desde una tarea"),
      Map.entry("HandleTaskEscalationCmd", "lanzar un escalamiento desde una tarea"),
      Map.entry("SaveTaskCmd", "crear o cambiar tareas"),
      Map.entry("CreateTaskCmd", "crear tareas"),
      Map.entry("DeleteTaskCmd", "borrar tareas"),
      Map.entry("DelegateTaskCmd", "delegar tareas"),
      Map.entry("SetTaskOwnerCmd", "cambiar a quien es responsable de una tarea"),
      Map.entry("SetTaskDueDateCmd", "cambiar la fecha de vencimiento de una tarea"),
      Map.entry("SetTaskFollowUpDateCmd", "cambiar la fecha de seguimiento de una tarea"),
      Map.entry("AddUserIdentityLinkCmd", "añadir candidatos a una tarea"),
      Map.entry("AddGroupIdentityLinkCmd", "añadir candidatos a una tarea"),
      Map.entry("DeleteUserIdentityLinkCmd", "quitar candidatos de una tarea"),
      Map.entry("DeleteGroupIdentityLinkCmd", "quitar candidatos de una tarea"),
      Map.entry("SetJobRetriesCmd", "cambiar los reintentos de un trabajo"),
      Map.entry("SuspendJobCmd", "suspender un trabajo"),
      Map.entry("ActivateJobCmd", "activar un trabajo"),
      Map.entry("SetJobDuedateCmd", "cambiar la fecha de un trabajo"),
      Map.entry("ExecuteJobsCmd", "ejecutar un trabajo"),
      Map.entry("FailedJobListener", "ejecutar un trabajo"),
      Map.entry("SuccessfulJobListener", "ejecutar un trabajo"),
      Map.entry("DeleteJobCmd", "borrar un trabajo"),
      Map.entry("CorrelateMessageCmd", "enviar mensajes a los procesos"),
      Map.entry("CorrelateAllMessageCmd", "enviar mensajes a los procesos"),
      Map.entry("MessageEventReceivedCmd", "enviar mensajes a los procesos"),
      Map.entry("SignalEventReceivedCmd", "enviar señales a los procesos"),
      Map.entry("SignalCmd", "enviar señales a los procesos"),
      Map.entry("DeleteProcessInstanceCmd", "borrar un proceso"),
      Map.entry("SuspendProcessInstanceCmd", "suspender un proceso"),
      Map.entry("SaveAttachmentCmd", "cambiar un archivo anexado"),
      Map.entry("UpdateCommentCmd", "cambiar un comentario"),
      Map.entry("DeleteTaskCommentCmd", "borrar un comentario"),
      Map.entry("FetchExternalTasksCmd", "trabajar tareas externas"),
      Map.entry("CompleteExternalTaskCmd", "trabajar tareas externas"));

  private final ProcessEngineConfigurationImpl configuration;
  private final TaskAccess access;

  EndUserGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    this.access = new TaskAccess(configuration);
  }

  EndUserGuard copy() {
    return new EndUserGuard(configuration);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null && !(command instanceof TaskAccess.Lookup<?>)) {
      Authentication person = configuration.getIdentityService().getCurrentAuthentication();
      if (person != null && person.getUserId() != null && !isAdministration(person) && !permitted(command)) {
        check(command, person);
      }
    }
    return next.execute(command);
  }

  /**
   * Runs {@code action}, whose one engine command of {@code type} the product runs for the current
   * person after its own checks (e.g. the CSV import writes the commitments of a consolidation task).
   */
  public static <T> T permit(Class<? extends Command<?>> type, Supplier<T> action) {
    Class<?> before = PERMIT.get();
    PERMIT.set(type);
    try {
      return action.get();
    } finally {
      if (before == null) {
        PERMIT.remove();
      } else {
        PERMIT.set(before);
      }
    }
  }

  private static boolean permitted(Command<?> command) {
    if (command.getClass() == PERMIT.get()) {
      PERMIT.remove(); // once
      return true;
    }
    return false;
  }

  private void check(Command<?> command, Authentication person) {
    refuseExpressions(command);
    Kind kind = EngineCommands.kindOf(command).orElse(null);
    if (kind == null) {
      throw administrationOnly(command);
    }
    switch (kind) {
      case READ -> { }
      case GUARDED_READ -> access.checkRead(command);
      case USER_WRITE -> access.checkWrite(command, person);
      case INTERNAL, ADMINISTRATION -> throw administrationOnly(command);
      default -> throw administrationOnly(command);
    }
  }

  /**
   * A query a person sends may not carry expressions: they are evaluated inside the engine command, where
   * the guard no longer looks, and can call the application's beans. Camunda refuses them in an ad-hoc task
   * query but not in its {@code orQueries}, nor in the query that extends a stored filter. (The shared
   * filters' own expressions, {@code ${currentUser()}} and the like, are stored by the administration.)
   */
  static void refuseExpressions(Command<?> command) {
    Object query = command;
    if (command instanceof AbstractExecuteFilterCmd) {
      query = CommandFields.read(command, "extendingQuery");
    }
    if (query instanceof AbstractQuery<?, ?> abstractQuery && hasExpressions(abstractQuery)) {
      throw Refusal.forbidden("Las consultas no pueden llevar expresiones (${...}): solo los filtros que la "
          + "administración de la plataforma guarda las usan.");
    }
  }

  private static boolean hasExpressions(AbstractQuery<?, ?> query) {
    if (query.getExpressions() != null && !query.getExpressions().isEmpty()) {
      return true;
    }
    if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
      for (TaskQueryImpl or : taskQuery.getQueries()) {
        if (or != taskQuery && or.getExpressions() != null && !or.getExpressions().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  static Refusal administrationOnly(Command<?> command) {
    String name = command.getClass().getSimpleName();
    String what = WHAT.getOrDefault(name, "realizar esta operación");
    return Refusal.forbidden("Solo la administración de la plataforma puede " + what + " (" + name
        + "): las personas de cada entidad trabajan el ejercicio con sus tareas.");
  }

  boolean isAdministration(Authentication person) {
    List<String> adminGroups = configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers();
    List<String> groups = person.getGroupIds();
    return (groups != null && adminGroups != null && groups.stream().anyMatch(adminGroups::contains))
        || (adminUsers != null && adminUsers.stream().anyMatch(u -> Objects.equals(u, person.getUserId())));
  }
}
