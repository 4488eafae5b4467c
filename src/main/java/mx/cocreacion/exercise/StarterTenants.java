package mx.cocreacion.exercise;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who starts an exercise and for which entidades they may do it. */
public final class StarterTenants {

  private StarterTenants() {}

  /**
   * True when nobody is authenticated (internal or Java API call), the starter administers the
   * platform, or the entidad is one of the starter's tenants (directly or through a group; INAI is
   * a member of every tenant).
   */
  public static boolean mayStartFor(IdentityService identity, String entity) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return true;
    }
    List<String> groups = auth.getGroupIds();
    if (groups != null && groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    return tenantsOf(identity, auth).contains(entity);
  }

  /**
   * The entidad to preset when the starter left {@code entity} empty: their only tenant, if they
   * belong to exactly one (a guarantor of one state). Empty for INAI, admins and anonymous calls.
   */
  public static Optional<String> defaultEntity(IdentityService identity) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    List<String> tenants = tenantsOf(identity, auth);
    return tenants.size() == 1 ? Optional.of(tenants.get(0)) : Optional.empty();
  }

  public static String currentUser(IdentityService identity) {
    Authentication auth = identity.getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }

  private static List<String> tenantsOf(IdentityService identity, Authentication auth) {
    List<String> tenants = auth.getTenantIds();
    if (tenants == null || tenants.isEmpty()) {
      tenants = identity.createTenantQuery().userMember(auth.getUserId()).includingGroupsOfUser(true)
          .list().stream().map(Tenant::getId).toList();
    }
    return tenants;
  }
}
