package mx.cocreacion.reminder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cocreacion.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Who gets the reminder of a task: its candidate users (members of its candidate groups who belong
 * to the task's tenant, explicit candidate users and the assignee); from the second reminder on
 * (escalation) also the tenant's {@code guarantor} group and INAI. Users without e-mail are left
 * out; each address appears once.
 */
@Component
public class ReminderRecipients {

  /** A person who gets the reminder. */
  public record Recipient(String userId, String email) {}

  private final IdentityService identity;

  public ReminderRecipients(IdentityService identity) {
    this.identity = identity;
  }

  public List<Recipient> of(DelegateTask task, boolean escalated) {
    String tenant = task.getTenantId();
    Set<String> userIds = new LinkedHashSet<>();
    if (task.getAssignee() != null) {
      userIds.add(task.getAssignee());
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        userIds.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        userIds.addAll(members(link.getGroupId(), tenant));
      }
    }
    if (escalated) {
      userIds.addAll(members(Roles.GUARANTOR, tenant));
      userIds.addAll(members(Roles.INAI, null));
    }
    Map<String, Recipient> byEmail = new LinkedHashMap<>();
    for (String userId : userIds) {
      User user = identity.createUserQuery().userId(userId).singleResult();
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        String email = user.getEmail().trim();
        byEmail.putIfAbsent(email.toLowerCase(), new Recipient(userId, email));
      }
    }
    return new ArrayList<>(byEmail.values());
  }

  /**
   * Members of a group who belong to the tenant. A group that is itself a member of the tenant
   * (INAI is a member of every tenant) counts with all its members; no tenant means all members.
   */
  List<String> members(String group, String tenant) {
    var query = identity.createUserQuery().memberOfGroup(group);
    if (tenant != null && identity.createTenantQuery().tenantId(tenant).groupMember(group).count() == 0) {
      query = query.memberOfTenant(tenant);
    }
    return query.orderByUserId().asc().list().stream().map(User::getId).toList();
  }
}
