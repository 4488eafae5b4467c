package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import mx.cocreacion.support.CocreacionTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks take a user's few groups as they are (no scan of every group
 * that holds an authorization); whether they see a task is still decided by the authorizations, as
 * TenantIsolationMatrixTest and RolePermissionsTest show end to end.
 */
@CocreacionTest
class AuthorizationGroupsPluginTest {

  @Autowired
  ProcessEngine engine;

  private AuthorizationManager manager() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
  }

  @Test
  void theEngineUsesTheManagerWithoutTheGroupScan() {
    assertThat(manager()).isInstanceOf(AuthorizationGroupsPlugin.FewGroupsAuthorizationManager.class);
  }

  @Test
  void fewGroupsAreCheckedAsTheyAreEvenWithoutAuthorizations() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> checked = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("stl", "grupo-sin-permisos")));
    assertThat(checked).containsExactlyInAnyOrder("stl", "grupo-sin-permisos");
  }

  @Test
  void manyGroupsAreStillFilteredByCamunda() {
    List<String> many = IntStream.range(0, AuthorizationGroupsPlugin.UNFILTERED_UP_TO + 1)
        .mapToObj(i -> "grupo-" + i).toList();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> checked = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(many));
    assertThat(checked).isEmpty(); // none of these groups holds an authorization
  }
}
