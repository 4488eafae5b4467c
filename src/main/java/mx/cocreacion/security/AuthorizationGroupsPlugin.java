package mx.cocreacion.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without the per-command scan of every group that holds an authorization.
 *
 * <p>Before its first check in a command, Camunda's {@link AuthorizationManager} reads
 * {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} (the whole table) to drop the
 * user's groups that hold no authorization from the checks' {@code GROUP_ID_ in (...)} lists. With
 * authorizations per task (every candidate group gets one) that table grows with the number of open
 * tasks: at national scale it is the most repeated statement of a REST request (docs/benchmark.md;
 * Camunda issue 5485). The people of this platform belong to a handful of groups, so the checks get
 * them as they are: a group without authorizations matches no row either way, so every check answers
 * the same. Users with more than {@link #UNFILTERED_UP_TO} groups keep Camunda's filtering.
 */
@Component
public class AuthorizationGroupsPlugin extends AbstractProcessEnginePlugin {

  static final int UNFILTERED_UP_TO = 20;

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
        return new FewGroupsAuthorizationManager();
      }
    });
  }

  /** Camunda's manager, except the group filter for users with few groups. */
  public static class FewGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > UNFILTERED_UP_TO) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds);
    }
  }
}
