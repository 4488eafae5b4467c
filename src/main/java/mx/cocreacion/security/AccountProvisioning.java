package mx.cocreacion.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Accounts that the process creates (STL members, facilitator): a Camunda user named by the
 * person's e-mail, member of a role group and of the exercise's tenant. In demo mode the
 * password is the demo password; otherwise the account gets an unusable random password and the
 * person is e-mailed an invitation ({@link Invitations}) to set their own at {@code /cuenta/activar}.
 */
@Service
public class AccountProvisioning {

  private static final Logger LOG = LoggerFactory.getLogger(AccountProvisioning.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final DemoProperties demo;
  private final Invitations invitations;
  private final RestAuthenticationCache logins;
  private final ApplicationEventPublisher events;

  public AccountProvisioning(IdentityService identity, DemoProperties demo, Invitations invitations,
      RestAuthenticationCache logins, ApplicationEventPublisher events) {
    this.identity = identity;
    this.demo = demo;
    this.invitations = invitations;
    this.logins = logins;
    this.events = events;
  }

  /**
   * Why the process may not give an account with this e-mail a role in {@code tenantId}, if it may not:
   * the address belongs to an account of another entidad, of INAI or of the administration (accounts are
   * never adopted). The message does not say whose it is. A person of the same entidad keeps their account.
   */
  public Optional<String> refusal(String email, String tenantId) {
    String address = email.trim().toLowerCase();
    boolean foreign = asProcess(() -> {
      Set<String> accounts = new HashSet<>();
      User byId = identity.createUserQuery().userId(address).singleResult();
      if (byId != null) {
        accounts.add(byId.getId());
      }
      identity.createUserQuery().userEmail(address).list().forEach(u -> accounts.add(u.getId()));
      if (!email.trim().equals(address)) {
        identity.createUserQuery().userEmail(email.trim()).list().forEach(u -> accounts.add(u.getId()));
      }
      return accounts.stream().anyMatch(userId -> belongsElsewhere(userId, tenantId));
    });
    return foreign
        ? Optional.of("«" + address + "» ya es el correo de una cuenta de la plataforma que no es de esta entidad; "
            + "cada persona necesita un correo propio en su entidad")
        : Optional.empty();
  }

  private boolean belongsElsewhere(String userId, String tenantId) {
    var configuration = Context.getProcessEngineConfiguration();
    List<String> adminGroups = configuration == null || configuration.getAdminGroups() == null
        ? List.of(Roles.CAMUNDA_ADMIN) : configuration.getAdminGroups();
    if (configuration != null && configuration.getAdminUsers() != null
        && configuration.getAdminUsers().contains(userId)) {
      return true;
    }
    List<String> foreignGroups = new java.util.ArrayList<>(adminGroups);
    foreignGroups.add(Roles.INAI);
    if (identity.createGroupQuery().groupMember(userId).groupIdIn(foreignGroups.toArray(String[]::new)).count() > 0) {
      return true;
    }
    return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .anyMatch(tenant -> !tenant.getId().equals(tenantId));
  }

  /** Creates or updates the account; returns its user id (the lowercase e-mail). */
  public String provision(String name, String email, String group, String tenantId) {
    String userId = email.trim().toLowerCase();
    Optional<String> refusal = refusal(userId, tenantId);
    if (refusal.isPresent()) {
      // Checked when the task was completed; an account changed since then is still not adopted.
      throw new ValidationException("dar de alta la cuenta", List.of(new Violation("email", refusal.get())));
    }
    asProcess(() -> doProvision(userId, name, group, tenantId));
    logins.forgetOnCommit(userId); // new groups and tenants apply to the next REST request
    events.publishEvent(new AccountsChanged(userId));
    return userId;
  }

  /** Whether the account is a member of the group (of any tenant). */
  public boolean isMember(String userId, String group) {
    return asProcess(() -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  /**
   * Ends a role of an account (a member replaced in the STL): its membership of {@code group} when
   * {@code leaveGroup}, of the tenant when {@code leaveTenant}. The account, its history and its
   * other roles stay; Camunda's operation log records each change with the user who made it.
   */
  public void withdraw(String userId, String group, boolean leaveGroup, String tenantId, boolean leaveTenant) {
    asProcess(() -> {
      if (leaveGroup) {
        identity.deleteMembership(userId, group);
      }
      if (leaveTenant) {
        identity.deleteTenantUserMembership(tenantId, userId);
      }
      LOG.info("Acceso retirado: {} (grupo {}: {}, entidad {}: {})", userId, group, leaveGroup, tenantId, leaveTenant);
      return null;
    });
    logins.forgetOnCommit(userId); // a withdrawn role ends with the next REST request
    events.publishEvent(new AccountsChanged(userId));
  }

  /**
   * The person completing the task (e.g. the guarantor electing the STL) may not administer users:
   * the process does it on their behalf, without authorization checks. Camunda does not log what
   * delegation code does; these changes are logged anyway (category Admin, with that person as
   * user), so INAI finds every account change in Cockpit's audit log.
   */
  private <T> T asProcess(Callable<T> change) {
    CommandContext context = Context.getCommandContext();
    try {
      if (context == null) {
        return change.call();
      }
      boolean logging = context.isUserOperationLogEnabled();
      context.enableUserOperationLog();
      try {
        return context.runWithoutAuthorization(change);
      } finally {
        if (!logging) {
          context.disableUserOperationLog();
        }
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Void doProvision(String userId, String name, String group, String tenantId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setEmail(userId);
      setName(user, name);
      user.setPassword(demo.enabled() ? demo.password() : unusablePassword());
      identity.saveUser(user);
      LOG.info("Cuenta creada: {} (grupo {}, entidad {})", userId, group, tenantId);
      if (!demo.enabled()) {
        // No password is set or mailed: the person chooses one through a single-use, expiring link
        // (sent after the election's transaction commits).
        invitations.create(userId, group, tenantId);
      }
      // A new account has no memberships yet (Camunda removes a deleted user's memberships with it).
      identity.createMembership(userId, group);
      identity.createTenantUserMembership(tenantId, userId);
      return null;
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      identity.createMembership(userId, group);
    }
    if (identity.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(tenantId, userId);
    }
    return null;
  }

  /** Camunda keeps first and last names in 255 characters; the whole name stays in the plan of record. */
  static final int MAX_NAME_PART = 255;

  private static void setName(User user, String name) {
    String trimmed = name == null ? "" : name.trim();
    int space = trimmed.indexOf(' ');
    user.setFirstName(cut(space < 0 ? trimmed : trimmed.substring(0, space)));
    user.setLastName(cut(space < 0 ? "" : trimmed.substring(space + 1)));
  }

  private static String cut(String text) {
    if (text.length() <= MAX_NAME_PART) {
      return text;
    }
    int end = Character.isLowSurrogate(text.charAt(MAX_NAME_PART)) ? MAX_NAME_PART - 1 : MAX_NAME_PART;
    return text.substring(0, end);
  }

  private static String unusablePassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
