package mx.cocreacion.stl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.plan.StandIn;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.security.EndUserGuard;
import mx.cocreacion.security.Refusal;
import mx.cocreacion.validation.TextRules;
import mx.cocreacion.worktables.WorkingTablesProcess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A suplente votes in place of an absent titular of their sector. The seed has each sector elect a titular and a
 * suplente; the titulars' votes (the facilitator, the commitments, the amendments) are assigned to each titular, so
 * one absent titular used to stall the STL until the administration reassigned the task. The suplentes of the
 * titular's sector are candidates of each such vote ({@link OfferVoteToSuplentesListener}); one of them takes it
 * over here, saying why, and the vote stays the seat's: it counts once, as the titular's would have. The titular or
 * the suplente may give it back before voting; the other of the two hears of each change by e-mail
 * ({@link StandInNotices}). Who may do what comes from the plan of record (the exercise's active
 * STL) and the task's own instance, never from what the person sends.
 */
@Service
public class StandIns {

  /** The vote tasks of a titular's seat, the only tasks a suplente can take over. */
  public static final Set<String> VOTE_TASKS = Set.of(StlIntegrationProcess.TASK_VOTE_FACILITATOR,
      WorkingTablesProcess.TASK_APPROVE_COMMITMENTS, CommitmentImplementationProcess.TASK_VOTE_AMENDMENT);

  /** Longest reason a suplente may give. */
  public static final int MAX_REASON = 1000;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final StlMemberRepository members;
  private final StandInRepository standIns;
  private final StandInNotices notices;

  public StandIns(TaskService tasks, RuntimeService runtime, IdentityService identity, StlMemberRepository members,
      StandInRepository standIns, StandInNotices notices) {
    this.notices = notices;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.members = members;
    this.standIns = standIns;
  }

  /** Where a vote task stands for a person: whose seat it is, who holds it, and what that person may do. */
  public record Situation(Task task, String exerciseId, StlMember seat, Optional<StandIn> standIn, String standInName,
      StlMember person, boolean mayTake, boolean mayGiveBack, String explanation) {

    public String sectorLabel() {
      return Sector.of(seat.sector()).map(Sector::label).orElse(seat.sector());
    }
  }

  /**
   * The vote task as {@code user} sees it: 404 if it is not an open task of one of their entidades, 409 if it is not
   * a titular's vote; otherwise what they may do, and why not when they may do nothing.
   */
  public Situation situation(String user, String taskId) {
    Task task = openTaskOf(user, taskId);
    if (!VOTE_TASKS.contains(task.getTaskDefinitionKey())) {
      throw new Refusal(Refusal.CONFLICT, "«" + task.getName() + "» no es un voto de una persona titular del STL: "
          + "solo los votos (persona facilitadora, aprobación de compromisos, modificaciones) admiten suplencia.");
    }
    String exerciseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getRootProcessInstanceId();
    List<StlMember> stl = members.active(exerciseId);
    Optional<StandIn> standIn = standIns.ofTask(taskId);
    String seatId = standIn.map(StandIn::seatUserId).orElse(task.getAssignee());
    StlMember seat = stl.stream().filter(m -> m.userId().equals(seatId) && StlMember.TITULAR.equals(m.role()))
        .findFirst()
        .orElseThrow(() -> new Refusal(Refusal.CONFLICT, "Este voto ya no corresponde a una persona titular del STL "
            + "en funciones; la administración de la plataforma lo reasigna."));
    StlMember person = stl.stream().filter(m -> m.userId().equals(user)).findFirst().orElse(null);
    String standInName = standIn.flatMap(s -> stl.stream().filter(m -> m.userId().equals(s.standInUserId()))
        .findFirst()).map(StlMember::name).orElse(standIn.map(StandIn::standInUserId).orElse(null));
    if (standIn.isPresent()) {
      boolean holder = user.equals(standIn.get().standInUserId()) || user.equals(seat.userId());
      return new Situation(task, exerciseId, seat, standIn, standInName, person, false, holder,
          holder ? null : "Este voto ya lo emite en suplencia otra persona de su sector.");
    }
    if (person == null || !StlMember.SUPLENTE.equals(person.role())) {
      return new Situation(task, exerciseId, seat, standIn, standInName, person, false, false,
          user.equals(seat.userId()) ? "Este voto es suyo: nadie lo emite en su lugar."
              : "Solo una persona suplente del STL de este ejercicio puede votar en lugar de una titular.");
    }
    if (!person.sector().equals(seat.sector())) {
      return new Situation(task, exerciseId, seat, standIn, standInName, person, false, false,
          "Usted es suplente de otro sector: solo la suplencia del sector de la persona titular vota en su lugar.");
    }
    return new Situation(task, exerciseId, seat, standIn, standInName, person, true, false, null);
  }

  /** The suplente {@code user} takes over the vote of the absent titular of their sector. */
  @Transactional
  public Situation take(String user, String taskId, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null) {
      if (why.length() > MAX_REASON) {
        throw new Refusal(400, "«Motivo» tiene " + why.length() + " caracteres; el máximo es " + MAX_REASON + ".");
      }
      TextRules.problem(why, true).ifPresent(problem -> {
        throw new Refusal(400, "«Motivo» " + problem + ".");
      });
    }
    Situation now = situation(user, taskId);
    if (!now.mayTake()) {
      throw now.standIn().isPresent() ? new Refusal(Refusal.CONFLICT, now.standIn().get().standInUserId().equals(user)
          ? "Usted ya vota en suplencia en esta tarea." : "Este voto ya lo emite en suplencia otra persona.")
          : Refusal.forbidden(now.explanation());
    }
    Task task = now.task();
    standIns.add(new StandIn(taskId, now.exerciseId(), task.getTaskDefinitionKey(), task.getName(),
        now.seat().sector(), now.seat().userId(), user, why, ClockUtil.getCurrentTime().toInstant(), null));
    assign(taskId, user);
    tasks.createComment(taskId, task.getProcessInstanceId(), "Suplencia: " + now.person().name()
        + " (suplente, " + now.sectorLabel() + ") vota en lugar de " + now.seat().name() + " (titular)."
        + (why == null ? "" : " Motivo: " + why));
    notices.taken(now, why);
    return situation(user, taskId);
  }

  /** The stand-in or the titular gives the vote back to the titular, before it is cast. */
  @Transactional
  public Situation giveBack(String user, String taskId) {
    Situation now = situation(user, taskId);
    if (now.standIn().isEmpty()) {
      throw new Refusal(Refusal.CONFLICT, "Nadie vota en suplencia en esta tarea: no hay nada que devolver.");
    }
    if (!now.mayGiveBack()) {
      throw Refusal.forbidden("Solo la persona titular o quien vota en su lugar devuelven la suplencia.");
    }
    standIns.remove(taskId);
    assign(taskId, now.seat().userId());
    tasks.createComment(taskId, now.task().getProcessInstanceId(), "Suplencia terminada: el voto vuelve a "
        + now.seat().name() + " (titular).");
    notices.givenBack(now, user);
    return situation(user, taskId);
  }

  private void assign(String taskId, String userId) {
    // The one reassignment a person makes: checked above against the plan of record, so the guard lets it pass.
    EndUserGuard.permit(AssignTaskCmd.class, () -> {
      tasks.setAssignee(taskId, userId);
      return null;
    });
  }

  /** An open task of one of the person's entidades; any other id is the same 404, so nothing about it leaks. */
  private Task openTaskOf(String user, String taskId) {
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getTenantId() == null || !tenants.contains(task.getTenantId())) {
      throw Refusal.notFound();
    }
    return task;
  }
}
