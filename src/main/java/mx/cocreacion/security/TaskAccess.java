package mx.cocreacion.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.validation.EvidenceFiles;
import mx.cocreacion.validation.TextRules;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * The checks of the {@link EndUserGuard} that need the task: who may claim, give back, attach files to
 * and comment on an open task (a person who can work it: its assignee, or a candidate when nobody holds
 * it, of one of their entidades), and who may read the attachments and comments that Camunda hands out
 * by id without any check (a person who can see the task or the process instance).
 */
class TaskAccess {

  static final int MAX_ATTACHMENT_NAME = 255;
  static final int MAX_ATTACHMENT_TYPE = 255;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_URL = 2000;
  static final int MAX_COMMENT = 4000;

  private final ProcessEngineConfigurationImpl configuration;

  TaskAccess(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  /** An open task as the guard needs it. */
  record OpenTask(String id, String tenantId, String assignee, String processInstanceId, Set<String> candidateUsers,
      Set<String> candidateGroups) {

    boolean hasCandidates() {
      return !candidateUsers.isEmpty() || !candidateGroups.isEmpty();
    }
  }

  record AttachmentOwner(String taskId, String processInstanceId) {}

  /** A read of the engine's own tables for the guard, without the person's authorization checks. */
  static final class Lookup<T> implements Command<T> {

    private final Function<CommandContext, T> read;

    Lookup(Function<CommandContext, T> read) {
      this.read = read;
    }

    @Override
    public T execute(CommandContext context) {
      return read.apply(context);
    }
  }

  // --- writes -------------------------------------------------------------------------------

  void checkWrite(Command<?> command, Authentication person) {
    Class<?> type = command.getClass();
    if (type == StartProcessInstanceCmd.class || type == SubmitStartFormCmd.class || type == CheckPassword.class) {
      // The engine checks the permission; the start listener checks the values.
      return;
    }
    if (type == CompleteTaskCmd.class || type == SubmitTaskFormCmd.class) {
      // A task someone holds is theirs to complete; the task's completion checks the values.
      lookupTask(CommandFields.string(command, "taskId")).ifPresent(task -> {
        if (task.assignee() != null && !task.assignee().equals(person.getUserId()) && inTenants(task, person)) {
          throw new Refusal(Refusal.CONFLICT, "La tarea está asignada a otra persona: solo ella puede completarla "
              + "(o devolverla para que otra persona la tome).");
        }
      });
      return;
    }
    if (type == ClaimTaskCmd.class || type == AssignTaskCmd.class) {
      assign(CommandFields.string(command, "taskId"), CommandFields.string(command, "userId"), person);
    } else if (type == CreateAttachmentCmd.class) {
      createAttachment(command, person);
    } else if (type == DeleteAttachmentCmd.class) {
      deleteAttachment(CommandFields.string(command, "attachmentId"), CommandFields.string(command, "taskId"), person);
    } else if (type == AddCommentCmd.class) {
      addComment(CommandFields.string(command, "taskId"), CommandFields.string(command, "processInstanceId"),
          CommandFields.string(command, "message"), person);
    } else if (type == SaveUserCmd.class) {
      User user = (User) CommandFields.read(command, "user");
      if (user == null || !person.getUserId().equals(user.getId())) {
        throw Refusal.forbidden("Solo la administración de la plataforma cambia cuentas de otras personas; "
            + "usted puede cambiar su propia contraseña.");
      }
      String saved = run(context -> {
        User current = context.getReadOnlyIdentityProvider().findUserById(user.getId());
        return current == null ? null : current.getEmail();
      });
      if (!java.util.Objects.equals(normalize(saved), normalize(user.getEmail()))) {
        // The address decides whose account it is (invitations, reminders, elections): the administration's.
        throw Refusal.forbidden("Su correo electrónico lo cambia la administración de la plataforma; usted puede "
            + "cambiar su nombre y su contraseña.");
      }
    } else {
      throw EndUserGuard.administrationOnly(command);
    }
  }

  /** Claim, or set the assignee: only for oneself (take) or nobody (give back). */
  private void assign(String taskId, String userId, Authentication person) {
    if (userId != null && !userId.equals(person.getUserId())) {
      throw Refusal.forbidden("Solo puede tomar una tarea para usted: asignarla a otra persona es de la "
          + "administración de la plataforma.");
    }
    OpenTask task = openTask(taskId, person);
    if (userId == null) {
      giveBack(task, person);
    } else {
      takeFor(task, person);
    }
  }

  private void takeFor(OpenTask task, Authentication person) {
    if (person.getUserId().equals(task.assignee())) {
      return;
    }
    if (task.assignee() != null) {
      throw new Refusal(Refusal.CONFLICT, "La tarea ya está asignada a otra persona.");
    }
    if (!isCandidate(task, person)) {
      throw Refusal.forbidden("No puede tomar esta tarea: no está entre sus candidatos.");
    }
  }

  private void giveBack(OpenTask task, Authentication person) {
    if (task.assignee() == null) {
      return;
    }
    if (!person.getUserId().equals(task.assignee())) {
      throw Refusal.forbidden("Solo quien tiene la tarea puede devolverla.");
    }
    if (!isCandidate(task, person)) {
      throw new Refusal(Refusal.CONFLICT, "Esta tarea le corresponde a usted por el proceso (no tiene otras "
          + "personas candidatas): no se puede devolver.");
    }
    if (task.candidateGroups().isEmpty()) {
      // A titular's vote offered to the suplentes of the sector: it goes back to the seat, not to nobody.
      throw new Refusal(Refusal.CONFLICT, "Este voto es del lugar de una persona titular del STL: la suplencia se "
          + "devuelve en /suplencia/" + task.id() + ", y el voto vuelve a la persona titular.");
    }
  }

  private void createAttachment(Command<?> command, Authentication person) {
    String taskId = CommandFields.string(command, "taskId");
    if (taskId == null) {
      throw Refusal.forbidden("Los archivos se anexan a una tarea abierta que usted trabaja; anexarlos a un "
          + "proceso es de la administración de la plataforma.");
    }
    OpenTask task = workableTask(taskId, person, "anexar archivos");
    String processInstanceId = CommandFields.string(command, "processInstanceId");
    if (processInstanceId != null && !processInstanceId.equals(task.processInstanceId())) {
      throw new Refusal(Refusal.BAD_REQUEST, "processInstanceId: no es el proceso de la tarea");
    }
    checkText("attachmentName", "el nombre del archivo", CommandFields.string(command, "attachmentName"),
        MAX_ATTACHMENT_NAME);
    checkText("attachmentType", "el tipo del archivo", CommandFields.string(command, "attachmentType"),
        MAX_ATTACHMENT_TYPE);
    checkText("attachmentDescription", "la descripción del archivo",
        CommandFields.string(command, "attachmentDescription"), MAX_DESCRIPTION);
    InputStream content = (InputStream) CommandFields.read(command, "content");
    if (content != null) {
      // Checked here, whatever the way in (any REST root, repeated parts): the bytes the engine will store.
      byte[] bytes;
      try (content) {
        bytes = content.readNBytes(EvidenceFiles.MAX_BYTES + 1);
      } catch (IOException e) {
        throw new Refusal(Refusal.BAD_REQUEST, "content: no se pudo leer el archivo");
      }
      String name = TextRules.excerpt(String.valueOf(CommandFields.string(command, "attachmentName")));
      if (bytes.length > EvidenceFiles.MAX_BYTES) {
        throw new Refusal(Refusal.BAD_REQUEST, "content: el archivo «" + name + "» pesa más de 10 MB");
      }
      if (EvidenceFiles.kind(bytes).isEmpty()) {
        throw new Refusal(Refusal.BAD_REQUEST, "content: el archivo «" + name + "» no es PDF, PNG, JPEG, "
            + "OpenDocument ni Office Open XML (se revisa su contenido, no su nombre)");
      }
      CommandFields.write(command, "content", new ByteArrayInputStream(bytes));
    }
    String url = CommandFields.string(command, "url");
    if (url != null && !isWebLink(url)) {
      throw new Refusal(Refusal.BAD_REQUEST, "url: «" + TextRules.excerpt(url) + "» no es un enlace web válido "
          + "(debe empezar con http:// o https:// y tener a lo más " + MAX_URL + " caracteres)");
    }
  }

  private void deleteAttachment(String attachmentId, String taskId, Authentication person) {
    AttachmentOwner owner = attachment(attachmentId).orElseThrow(Refusal::notFound);
    if (owner.taskId() == null) {
      if (!processInstanceVisible(owner.processInstanceId())) {
        throw Refusal.notFound();
      }
      throw Refusal.forbidden("Solo la administración de la plataforma retira archivos de un proceso.");
    }
    if (taskId != null && !taskId.equals(owner.taskId())) {
      throw Refusal.notFound();
    }
    workableTask(owner.taskId(), person, "retirar sus archivos");
  }

  private void addComment(String taskId, String processInstanceId, String message, Authentication person) {
    if (taskId == null) {
      throw Refusal.forbidden("Los comentarios se hacen en una tarea abierta que usted trabaja; comentar un "
          + "proceso es de la administración de la plataforma.");
    }
    OpenTask task = workableTask(taskId, person, "comentarla");
    if (processInstanceId != null && !processInstanceId.equals(task.processInstanceId())) {
      throw new Refusal(Refusal.BAD_REQUEST, "processInstanceId: no es el proceso de la tarea");
    }
    if (message == null || message.isBlank()) {
      throw new Refusal(Refusal.BAD_REQUEST, "message: el comentario no puede estar vacío");
    }
    checkText("message", "el comentario", message, MAX_COMMENT);
  }

  /** The open task, if the person can work it now; otherwise the refusal that says why. */
  private OpenTask workableTask(String taskId, Authentication person, String what) {
    Optional<OpenTask> open = lookupTask(taskId);
    if (open.isEmpty()) {
      if (taskVisible(taskId)) {
        throw new Refusal(Refusal.CONFLICT, "La tarea ya se completó: sus archivos y comentarios son parte del "
            + "expediente y solo la administración de la plataforma puede cambiarlos.");
      }
      throw Refusal.notFound();
    }
    OpenTask task = open.get();
    if (!inTenants(task, person)) {
      throw Refusal.notFound();
    }
    boolean works = task.assignee() != null ? person.getUserId().equals(task.assignee()) : isCandidate(task, person);
    if (!works) {
      throw Refusal.forbidden("No puede " + what + ": " + (task.assignee() != null
          ? "la tarea está asignada a otra persona." : "no está entre sus candidatos."));
    }
    return task;
  }

  private OpenTask openTask(String taskId, Authentication person) {
    OpenTask task = lookupTask(taskId).orElseThrow(Refusal::notFound);
    if (!inTenants(task, person)) {
      throw Refusal.notFound();
    }
    return task;
  }

  private static void checkText(String field, String label, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      throw new Refusal(Refusal.BAD_REQUEST, field + ": " + label + " no puede tener más de " + max + " caracteres");
    }
    TextRules.problem(value, true).ifPresent(problem ->
        { throw new Refusal(Refusal.BAD_REQUEST, field + ": " + label + " " + problem); });
  }

  private static String normalize(String email) {
    return email == null || email.isBlank() ? null : email.trim().toLowerCase();
  }

  static boolean isWebLink(String url) {
    if (url.length() > MAX_URL || TextRules.problem(url, false).isPresent()) {
      return false;
    }
    try {
      URI uri = URI.create(url.trim());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // --- reads that Camunda does not check ---------------------------------------------------

  void checkRead(Command<?> command) {
    Class<?> type = command.getClass();
    if (type == GetAttachmentCmd.class || type == GetAttachmentContentCmd.class) {
      // Unknown id: the engine answers "not found" itself.
      attachment(CommandFields.string(command, "attachmentId")).ifPresent(owner -> {
        boolean visible = owner.taskId() != null ? taskVisible(owner.taskId())
            : processInstanceVisible(owner.processInstanceId());
        if (!visible) {
          throw Refusal.notFound();
        }
      });
    } else if (type == GetProcessInstanceAttachmentsCmd.class || type == GetProcessInstanceCommentsCmd.class) {
      if (!processInstanceVisible(CommandFields.string(command, "processInstanceId"))) {
        throw Refusal.notFound();
      }
    } else if (!taskVisible(CommandFields.string(command, "taskId"))) {
      // GetTaskAttachment(s)/Content, GetTaskComment(s), GetTaskEvents: the task must be visible.
      throw Refusal.notFound();
    }
  }

  /** Whether the current person sees the task (open or completed): the engine's own queries decide. */
  private boolean taskVisible(String taskId) {
    if (taskId == null) {
      return false;
    }
    return configuration.getTaskService().createTaskQuery().taskId(taskId).count() > 0
        || configuration.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
  }

  private boolean processInstanceVisible(String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    return configuration.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
        .count() > 0
        || configuration.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).count() > 0;
  }

  // --- lookups ------------------------------------------------------------------------------

  private Optional<OpenTask> lookupTask(String taskId) {
    if (taskId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(run(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      Set<String> users = new HashSet<>();
      Set<String> groups = new HashSet<>();
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getUserId() != null) {
            users.add(link.getUserId());
          }
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
      }
      return new OpenTask(task.getId(), task.getTenantId(), task.getAssignee(), task.getProcessInstanceId(),
          Set.copyOf(users), Set.copyOf(groups));
    }));
  }

  private Optional<AttachmentOwner> attachment(String attachmentId) {
    if (attachmentId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(run(context -> {
      AttachmentEntity attachment = context.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
      return attachment == null ? null : new AttachmentOwner(attachment.getTaskId(), attachment.getProcessInstanceId());
    }));
  }

  private <T> T run(Function<CommandContext, T> read) {
    return configuration.getCommandExecutorTxRequired().execute(new Lookup<>(read));
  }

  private boolean isCandidate(OpenTask task, Authentication person) {
    if (task.candidateUsers().contains(person.getUserId())) {
      return true;
    }
    List<String> groups = person.getGroupIds();
    return groups != null && groups.stream().anyMatch(task.candidateGroups()::contains);
  }

  private boolean inTenants(OpenTask task, Authentication person) {
    if (task.tenantId() == null) {
      return false; // every task of an exercise has its entidad; one without is nobody's but the administration's
    }
    List<String> tenants = person.getTenantIds();
    if (tenants == null) {
      tenants = configuration.getIdentityService().createTenantQuery().userMember(person.getUserId())
          .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    }
    return tenants.contains(task.tenantId());
  }
}
