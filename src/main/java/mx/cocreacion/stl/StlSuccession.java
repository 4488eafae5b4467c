package mx.cocreacion.stl;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.security.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a re-election of the STL changes for the people who leave it: they lose the STL's access to
 * the exercise's entidad (group {@code stl} unless they sit in another running exercise's STL,
 * tenant membership unless they keep another role there), and their open tasks of the entidad pass
 * to whoever takes their seat (same sector and role), or back to the group when nobody does; a leaving
 * suplente's offer of the titulars' open votes passes the same way.
 */
@Service
public class StlSuccession {

  private static final Logger LOG = LoggerFactory.getLogger(StlSuccession.class);

  private final AccountProvisioning accounts;
  private final StlMemberRepository members;
  private final TaskService tasks;

  public StlSuccession(AccountProvisioning accounts, StlMemberRepository members, TaskService tasks) {
    this.accounts = accounts;
    this.members = members;
    this.tasks = tasks;
  }

  public void handOver(String exerciseId, String tenantId, List<StlMember> former, List<StlMember> current) {
    Set<String> staying = current.stream().map(StlMember::userId).collect(Collectors.toSet());
    for (StlMember leaving : former) {
      if (staying.contains(leaving.userId())) {
        continue;
      }
      String successor = current.stream()
          .filter(m -> m.sector().equals(leaving.sector()) && m.role().equals(leaving.role()))
          .map(StlMember::userId)
          .findFirst()
          .orElse(null);
      reassignOpenTasks(leaving.userId(), tenantId, successor);
      if (StlMember.SUPLENTE.equals(leaving.role())) {
        passStandInCandidacy(leaving.userId(), tenantId, successor);
      }
      boolean keepsStlElsewhere = members.activeInOtherRunningExercise(leaving.userId(), exerciseId, null);
      boolean keepsTenant = members.activeInOtherRunningExercise(leaving.userId(), exerciseId, tenantId)
          || accounts.isMember(leaving.userId(), Roles.FACILITATOR);
      accounts.withdraw(leaving.userId(), Roles.STL, !keepsStlElsewhere, tenantId, !keepsTenant);
      LOG.info("STL de {}: {} deja su lugar ({} {}), lo ocupa {}", exerciseId, leaving.userId(),
          leaving.role(), leaving.sector(), successor == null ? "nadie (tareas al grupo)" : successor);
    }
  }

  /**
   * A suplente who leaves is no longer offered the titulars' open votes ({@link OfferVoteToSuplentesListener}); the
   * suplente who takes their seat is.
   */
  private void passStandInCandidacy(String userId, String tenantId, String successor) {
    CommandContext context = Context.getCommandContext();
    List<Task> open = context.runWithoutAuthorization(() -> tasks.createTaskQuery().tenantIdIn(tenantId)
        .taskDefinitionKeyIn(StandIns.VOTE_TASKS.toArray(String[]::new)).list());
    for (Task task : open) {
      boolean offered = context.runWithoutAuthorization(() -> tasks.getIdentityLinksForTask(task.getId())).stream()
          .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && userId.equals(l.getUserId()));
      if (!offered) {
        continue;
      }
      context.runWithoutAuthorization(() -> {
        tasks.deleteCandidateUser(task.getId(), userId);
        if (successor != null) {
          tasks.addCandidateUser(task.getId(), successor);
        }
        return null;
      });
    }
  }

  private void reassignOpenTasks(String userId, String tenantId, String successor) {
    // The person completing elect-stl (a guarantor) cannot see the STL's tasks: the process looks.
    CommandContext context = Context.getCommandContext();
    List<Task> open = context.runWithoutAuthorization(
        () -> tasks.createTaskQuery().taskAssignee(userId).tenantIdIn(tenantId).list());
    for (Task task : open) {
      context.runWithoutAuthorization(() -> {
        tasks.setAssignee(task.getId(), successor);
        return null;
      });
    }
  }
}
