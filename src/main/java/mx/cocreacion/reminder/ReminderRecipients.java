package mx.cocreacion.reminder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mx.cocreacion.security.AccountsChanged;
import mx.cocreacion.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who gets the reminder of a task: its candidate users (members of its candidate groups who belong
 * to the task's tenant, explicit candidate users and the assignee); from the second reminder on
 * (escalation) also the tenant's {@code guarantor} group and INAI. Users without e-mail are left
 * out; each address appears once.
 *
 * <p>Identity data changes rarely and reminders fall due in bursts (every open task of a kind at
 * once): the members of a group in a tenant and the e-mail of a user are kept for
 * {@code cocreacion.reminders.recipients-cache} (default one minute, {@code PT0S} = no cache).
 * Accounts the process provisions or withdraws ({@code AccountProvisioning}) clear it at once; a
 * change made in Admin reaches the reminders within that time.
 */
@Component
public class ReminderRecipients {

  /** A person who gets the reminder ({@code email} may be empty: such people are left out). */
  public record Recipient(String userId, String email) {

    boolean hasEmail() {
      return email != null && !email.isBlank();
    }
  }

  private record Cached<T>(T value, long expiresAt) {}

  private final IdentityService identity;
  private final long ttlNanos;
  private final Map<String, Cached<List<Recipient>>> groups = new ConcurrentHashMap<>();
  private final Map<String, Cached<Optional<Recipient>>> users = new ConcurrentHashMap<>();

  public ReminderRecipients(IdentityService identity, ReminderProperties properties) {
    this.identity = identity;
    this.ttlNanos = properties.recipientsCache().toNanos();
  }

  public List<Recipient> of(DelegateTask task, boolean escalated) {
    String tenant = task.getTenantId();
    Map<String, Optional<Recipient>> people = new LinkedHashMap<>();
    if (task.getAssignee() != null) {
      people.computeIfAbsent(task.getAssignee(), this::user);
    }
    for (IdentityLink link : task.getCandidates()) {
      if (link.getUserId() != null) {
        people.computeIfAbsent(link.getUserId(), this::user);
      }
      if (link.getGroupId() != null) {
        members(link.getGroupId(), tenant).forEach(r -> people.putIfAbsent(r.userId(), Optional.of(r)));
      }
    }
    if (escalated) {
      members(Roles.GUARANTOR, tenant).forEach(r -> people.putIfAbsent(r.userId(), Optional.of(r)));
      members(Roles.INAI, null).forEach(r -> people.putIfAbsent(r.userId(), Optional.of(r)));
    }
    Map<String, Recipient> byEmail = new LinkedHashMap<>();
    for (Optional<Recipient> person : people.values()) {
      person.filter(Recipient::hasEmail).ifPresent(r -> {
        String email = r.email().trim();
        byEmail.putIfAbsent(email.toLowerCase(), new Recipient(r.userId(), email));
      });
    }
    return new ArrayList<>(byEmail.values());
  }

  /** An account changed ({@link AccountsChanged}, published by the process's provisioning): forget everything. */
  @EventListener
  void accountsChanged(AccountsChanged event) {
    evictAll();
  }

  /** Forgets every cached member and e-mail (after an account change). */
  public void evictAll() {
    groups.clear();
    users.clear();
  }

  /**
   * Members of a group who belong to the tenant, with their e-mail. A group that is itself a member
   * of the tenant (INAI is a member of every tenant) counts with all its members; no tenant means
   * all members.
   */
  List<Recipient> members(String group, String tenant) {
    return cached(groups, group + '\u0000' + tenant, () -> {
      var query = identity.createUserQuery().memberOfGroup(group);
      if (tenant != null && identity.createTenantQuery().tenantId(tenant).groupMember(group).count() == 0) {
        query = query.memberOfTenant(tenant);
      }
      return query.orderByUserId().asc().list().stream().map(ReminderRecipients::recipient).toList();
    });
  }

  private Optional<Recipient> user(String userId) {
    return cached(users, userId,
        () -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()).map(ReminderRecipients::recipient));
  }

  private static Recipient recipient(User user) {
    return new Recipient(user.getId(), user.getEmail());
  }

  private <T> T cached(Map<String, Cached<T>> cache, String key, Supplier<T> load) {
    if (ttlNanos <= 0) {
      return load.get();
    }
    long now = System.nanoTime();
    Cached<T> hit = cache.get(key);
    if (hit != null && now - hit.expiresAt() < 0) {
      return hit.value();
    }
    T value = load.get();
    cache.put(key, new Cached<>(value, now + ttlNanos));
    return value;
  }
}
