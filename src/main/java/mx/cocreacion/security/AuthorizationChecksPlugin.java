package mx.cocreacion.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks, without two look-ups Camunda makes in every command of a person.
 *
 * <p><b>The groups.</b> Before its first check in a command, Camunda's {@link AuthorizationManager} reads
 * {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} (the whole table) to drop the
 * user's groups that hold no authorization from the checks' {@code GROUP_ID_ in (...)} lists. With
 * authorizations per task (every candidate group gets one) that table grows with the number of open
 * tasks: at national scale it is the most repeated statement of a REST request (docs/benchmark.md;
 * Camunda issue 5485). The people of this platform belong to a handful of groups, so the checks get
 * them as they are: a group without authorizations matches no row either way, so every check answers
 * the same. Users with more than {@link #UNFILTERED_UP_TO} groups keep Camunda's filtering.
 *
 * <p><b>Revoke authorizations.</b> With {@code authorization-check-revokes: auto} (Camunda's default) every
 * command of a person first asks whether any revoke authorization applies to them. The platform grants and never
 * revokes, so {@code application.yaml} sets {@code never}, and then this manager refuses to store a revoke
 * authorization (Admin, engine REST or Java: a 400 that says why), which {@code never} would otherwise ignore
 * silently. If revoke authorizations exist when the engine starts (stored by hand, or under {@code auto}), the
 * engine checks them ({@code auto}) and says so in the log. Any other configured mode is left as it is.
 *
 * <p><b>A new task's authorizations.</b> Each candidate of a task gets a grant on it (Camunda's default
 * authorizations); before creating one Camunda looks for an existing grant of that group or user on the task id.
 * A task created in the same command has none in the database ({@link NewTaskAuthorizations}), so that read is
 * skipped for it; grants made twice in one command are merged as Camunda merges them.
 *
 * <p><b>A command's check, without revokes.</b> Camunda answers "may this person do this" (completing a task: work
 * on the task, or update it, or the same on its process definition) with one statement that MyBatis builds anew
 * every time from a template of nested {@code CASE}s, one level per kind of grant and per revoke: building it was
 * 7 % of the node's CPU in the benchmark's walk (docs/benchmark.md). Without revokes the answer of that statement is
 * simple: an atomic check holds when a grant of the user, a grant of one of their groups or a global authorization
 * gives its permission on its resource type, for its resource id or for {@code *}; the composite holds when one of
 * them holds (disjunctive) or all do (conjunctive). {@link Manager#isAuthorized(String, List, CompositePermissionCheck)}
 * reads those grants with one plain statement and answers that. Checks it does not cover (revokes checked, nested
 * composites, query parameters, a value for "no authorization found", an invalid permission) go to Camunda as before;
 * {@code AuthorizationChecksPluginTest} compares both answers over random grants and checks.
 */
@Component
public class AuthorizationChecksPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationChecksPlugin.class);

  static final int UNFILTERED_UP_TO = 20;

  static final String REVOKES_REFUSED = "Esta plataforma no usa autorizaciones de tipo DENEGAR (REVOKE): "
      + "sus permisos solo se conceden. Para quitar un permiso, borre o cambie la autorización PERMITIR o GLOBAL "
      + "que lo concede (o configure camunda.bpm.authorization.authorization-check-revokes: auto).";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // A custom factory of the same session type replaces the engine's own (initSessionFactories).
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getResourceAuthorizationProvider() == null
        || configuration.getResourceAuthorizationProvider().getClass() == DefaultAuthorizationProvider.class) {
      configuration.setResourceAuthorizationProvider(new NewTaskAuthorizations());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (revokesNeverChecked(configuration)) {
      long revokes = engine.getAuthorizationService().createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
      if (revokes > 0) {
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
        LOG.warn("authorization-check-revokes es 'never', pero hay {} autorizaciones de revocación guardadas: "
            + "el motor las revisa ('auto') hasta que se borren.", revokes);
      }
    }
  }

  static boolean revokesNeverChecked(ProcessEngineConfiguration configuration) {
    return ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER
        .equalsIgnoreCase(configuration.getAuthorizationCheckRevokes());
  }

  /** Camunda's default authorizations, without looking up a new task's grants in the database. */
  static class NewTaskAuthorizations extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId,
        Resource resource) {
      return createdInThisCommand(taskId) ? null : super.getGrantAuthorization(taskId, userId, groupId, resource);
    }

    /** A task inserted by the running command: its id is new, so no authorization in the database names it. */
    static boolean createdInThisCommand(String taskId) {
      CommandContext context = Context.getCommandContext();
      if (context == null || taskId == null) {
        return false;
      }
      CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }
  }

  /** Camunda's manager, except the group filter for users with few groups and no revokes stored unchecked. */
  public static class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > UNFILTERED_UP_TO) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds);
    }

    @Override
    public void insert(DbEntity authorization) {
      refuseUncheckedRevoke(authorization);
      super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
      refuseUncheckedRevoke(authorization);
      super.update(authorization);
    }

    /** Camunda's answer, read as described in the class comment when no revoke is checked. */
    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
      if (!GrantCheck.covers(check) || !check.getAtomicChecks().stream().allMatch(this::isResourceValidForPermission)
          || isRevokeAuthCheckEnabled(userId, groupIds)) {
        return super.isAuthorized(userId, groupIds, check);
      }
      return GrantCheck.holds(check, userId, filterAuthenticatedGroupIds(groupIds));
    }

    private static void refuseUncheckedRevoke(DbEntity authorization) {
      if (authorization instanceof AuthorizationEntity entity
          && entity.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
          && revokesNeverChecked(Context.getProcessEngineConfiguration())) {
        throw new BadUserRequestException(REVOKES_REFUSED);
      }
    }
  }

  /** The grants that answer a composite of atomic checks when no revoke is checked (see the class comment). */
  static final class GrantCheck {

    private GrantCheck() {}

    /** Atomic checks only, each with a resource id or none, and no value of its own for "not found". */
    static boolean covers(CompositePermissionCheck check) {
      List<PermissionCheck> atomic = check.getAtomicChecks();
      return (check.getCompositeChecks() == null || check.getCompositeChecks().isEmpty())
          && atomic != null && !atomic.isEmpty()
          && atomic.stream().allMatch(c -> c.getPermission() != null && c.getResource() != null
              && c.getResourceIdQueryParam() == null && c.getAuthorizationNotFoundReturnValue() == null);
    }

    record Grant(int resourceType, String resourceId, int permissions) {

      boolean gives(PermissionCheck check) {
        String id = check.getResourceId();
        return resourceType == check.getResourceType()
            && (Authorization.ANY.equals(resourceId) || (id != null && !Authorization.ANY.equals(id) && id.equals(resourceId)))
            && (permissions & check.getPerms()) == check.getPerms();
      }
    }

    static boolean holds(CompositePermissionCheck check, String userId, List<String> groupIds) {
      List<Grant> grants = grants(check.getAtomicChecks(), userId, groupIds);
      Predicate<PermissionCheck> given = c -> grants.stream().anyMatch(g -> g.gives(c));
      return check.isDisjunctive()
          ? check.getAtomicChecks().stream().anyMatch(given)
          : check.getAtomicChecks().stream().allMatch(given);
    }

    /**
     * The user's grants, their groups' grants and the global authorizations on the checks' resource types, for
     * their resource ids or {@code *}: the rows each level of Camunda's statement looks for. Ids are then compared
     * as Java strings, as {@code =} compares them on PostgreSQL and H2 (the platform's databases); a database that
     * compares without case or trailing blanks would need its own comparison.
     */
    static List<Grant> grants(List<PermissionCheck> checks, String userId, List<String> groupIds) {
      Set<Integer> types = new LinkedHashSet<>();
      Set<String> ids = new LinkedHashSet<>();
      ids.add(Authorization.ANY);
      for (PermissionCheck c : checks) {
        types.add(c.getResourceType());
        if (c.getResourceId() != null) {
          ids.add(c.getResourceId());
        }
      }
      List<String> groups = groupIds == null ? List.of() : groupIds;
      String sql = "select RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ from "
          + Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION"
          + " where ((TYPE_ = " + Authorization.AUTH_TYPE_GRANT + " and (USER_ID_ = ?"
          + (groups.isEmpty() ? "" : " or GROUP_ID_ in (" + marks(groups.size()) + ")") + "))"
          + " or (TYPE_ = " + Authorization.AUTH_TYPE_GLOBAL + " and USER_ID_ = '" + Authorization.ANY + "'))"
          + " and RESOURCE_TYPE_ in (" + marks(types.size()) + ") and RESOURCE_ID_ in (" + marks(ids.size()) + ")"
          + " and PERMS_ is not null"; // Camunda's PERMS_ & p = p is not true on a null
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int i = 1;
        statement.setString(i++, userId);
        for (String group : groups) {
          statement.setString(i++, group);
        }
        for (int type : types) {
          statement.setInt(i++, type);
        }
        for (String id : ids) {
          statement.setString(i++, id);
        }
        List<Grant> grants = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            grants.add(new Grant(rows.getInt(1), rows.getString(2), rows.getInt(3)));
          }
        }
        return grants;
      } catch (SQLException e) {
        throw new ProcessEngineException("No se pudieron leer las autorizaciones: " + e.getMessage(), e);
      }
    }

    private static String marks(int n) {
      return String.join(", ", Collections.nCopies(n, "?"));
    }
  }
}
