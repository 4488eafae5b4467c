package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's authorization checks take a user's few groups as they are (no scan of every group
 * that holds an authorization); whether they see a task is still decided by the authorizations, as
 * TenantIsolationMatrixTest and RolePermissionsTest show end to end. Revoke authorizations are not looked up
 * ({@code never}), so none can be stored, and any found at start-up are checked.
 */
@CocreacionTest
class AuthorizationChecksPluginTest {

  @Autowired
  ProcessEngine engine;

  private AuthorizationManager manager() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
  }

  @Test
  void theEngineUsesTheManagerWithoutTheGroupScan() {
    assertThat(manager()).isInstanceOf(AuthorizationChecksPlugin.Manager.class);
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
    List<String> many = IntStream.range(0, AuthorizationChecksPlugin.UNFILTERED_UP_TO + 1)
        .mapToObj(i -> "grupo-" + i).toList();
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> checked = configuration.getCommandExecutorTxRequired().execute(context ->
        context.getAuthorizationManager().filterAuthenticatedGroupIds(many));
    assertThat(checked).isEmpty(); // none of these groups holds an authorization
  }

  @LocalServerPort
  int port;

  @Test
  void revokesAreNotLookedUpSoNoneCanBeStoredWhateverTheWayIn() {
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("never");
    var auth = engine.getAuthorizationService();
    Authorization revoke = auth.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setGroupId("stl");
    revoke.setResource(Resources.FILTER);
    revoke.setResourceId("*");
    revoke.removePermission(Permissions.READ);
    assertThatThrownBy(() -> auth.saveAuthorization(revoke)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("no usa autorizaciones de tipo DENEGAR (REVOKE)");

    // Admin and engine REST: the same refusal, a 400 with the reason.
    var answer = new Http(port).post("admin", "/engine-rest/authorization/create", Map.of("type", 2, "groupId", "stl",
        "resourceType", Resources.FILTER.resourceType(), "resourceId", "*", "permissions", List.of("READ")));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("no usa autorizaciones de tipo DENEGAR");
    assertThat(revokes()).isZero();

    // A grant is stored as before.
    Authorization grant = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId("grupo-de-prueba-revocaciones");
    grant.setResource(Resources.FILTER);
    grant.setResourceId("*");
    grant.addPermission(Permissions.READ);
    auth.deleteAuthorization(auth.saveAuthorization(grant).getId());
  }

  @Test
  void revokesFoundAtStartUpAreChecked() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var auth = engine.getAuthorizationService();
    String stored = null;
    try {
      // A revoke stored while the engine checked them (or by hand in the database).
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
      Authorization revoke = auth.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
      revoke.setUserId("usuario-de-prueba-revocaciones");
      revoke.setResource(Resources.FILTER);
      revoke.setResourceId("*");
      revoke.removePermission(Permissions.READ);
      stored = auth.saveAuthorization(revoke).getId();
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);

      new AuthorizationChecksPlugin().postProcessEngineBuild(engine);

      assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("auto");
    } finally {
      if (stored != null) {
        auth.deleteAuthorization(stored);
      }
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }
    // Without revokes, a start-up keeps 'never'.
    new AuthorizationChecksPlugin().postProcessEngineBuild(engine);
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("never");
  }

  @Test
  void aNewTasksCandidatesGetTheirGrantsAndLaterOnesAreMergedAsCamundaDoes() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getResourceAuthorizationProvider())
        .isInstanceOf(AuthorizationChecksPlugin.NewTaskAuthorizations.class);
    var exercise = new ExerciseDriver(engine).start("oax");
    var tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .list();
    assertThat(tasks).isNotEmpty();
    for (var task : tasks) {
      List<String> candidates = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId()).toList();
      assertThat(candidates).isNotEmpty();
      assertThat(grants(task.getId())).as(task.getName()).containsOnlyKeys(candidates)
          .allSatisfy((who, grant) -> assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue());
    }
    // A candidate added later (another command): Camunda's own look-up finds and extends the existing grant.
    String taskId = tasks.get(0).getId();
    engine.getTaskService().addCandidateUser(taskId, "persona-de-prueba-permisos");
    engine.getTaskService().addCandidateUser(taskId, "persona-de-prueba-permisos");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(taskId).userIdIn("persona-de-prueba-permisos").count()).isEqualTo(1);
    engine.getRuntimeService().deleteProcessInstance(exercise.getId(), "prueba");
  }

  /**
   * The manager's answer without revokes is Camunda's statement's: random grants of users, of groups and global
   * ones, on tasks and process definitions, for an id or {@code *}, then random checks (one to four atomic checks,
   * "any" or "all", with an id, {@code *} or none) of users with no, one or two groups.
   */
  @Test
  void grantChecksAnswerAsCamundasStatementDoes() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var auth = engine.getAuthorizationService();
    var random = new Random(19);
    Resource[] resources = {Resources.TASK, Resources.PROCESS_DEFINITION};
    Permission[][] permissions = {
        {Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK, TaskPermissions.READ_VARIABLE},
        {Permissions.READ, ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.READ_TASK}};
    String[] ids = {"paridad-1", "paridad-2", Authorization.ANY};
    String[] users = {"paridad-ana", "paridad-luis"};
    String[] groups = {"paridad-stl", "paridad-garante", "paridad-sociedad"};
    int granted = 0;
    int refused = 0;
    List<String> stored = new ArrayList<>();
    try {
      for (int round = 0; round < 12; round++) {
        stored.forEach(auth::deleteAuthorization);
        stored.clear();
        var keys = new HashSet<String>(); // one authorization per kind, who, resource and id
        for (int k = 0; k < 1 + random.nextInt(6); k++) {
          int kind = random.nextInt(3);
          Authorization grant = auth.createNewAuthorization(
              kind == 2 ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
          if (kind == 0) {
            grant.setUserId(users[random.nextInt(users.length)]);
          } else if (kind == 1) {
            grant.setGroupId(groups[random.nextInt(groups.length)]);
          }
          int r = random.nextInt(resources.length);
          grant.setResource(resources[r]);
          grant.setResourceId(ids[random.nextInt(ids.length)]);
          for (Permission permission : permissions[r]) {
            if (random.nextInt(3) == 0) {
              grant.addPermission(permission);
            }
          }
          if (keys.add(grant.getAuthorizationType() + grant.getUserId() + grant.getGroupId() + r
              + grant.getResourceId())) {
            stored.add(auth.saveAuthorization(grant).getId());
          }
        }
        for (int q = 0; q < 40; q++) {
          var check = new CompositePermissionCheck(random.nextBoolean());
          for (int a = 0; a < 1 + random.nextInt(4); a++) {
            int r = random.nextInt(resources.length);
            var atomic = new PermissionCheck();
            atomic.setResource(resources[r]);
            atomic.setPermission(permissions[r][random.nextInt(permissions[r].length)]);
            int id = random.nextInt(ids.length + 1);
            atomic.setResourceId(id == ids.length ? null : ids[id]);
            check.addAtomicCheck(atomic);
          }
          String user = users[random.nextInt(users.length)];
          List<String> theirGroups = List.of(groups).subList(0, random.nextInt(3));
          boolean camundas = configuration.getCommandExecutorTxRequired().execute(context ->
              new AuthorizationManager().isAuthorized(user, theirGroups, check));
          boolean ours = configuration.getCommandExecutorTxRequired().execute(context ->
              context.getAuthorizationManager().isAuthorized(user, theirGroups, check));
          assertThat(ours).as("round %d, %s of %s, %s", round, user, theirGroups, describe(check))
              .isEqualTo(camundas);
          if (camundas) {
            granted++;
          } else {
            refused++;
          }
        }
      }
    } finally {
      stored.forEach(auth::deleteAuthorization);
    }
    // Both answers came up often enough for the comparison to mean something.
    assertThat(granted).isGreaterThan(60);
    assertThat(refused).isGreaterThan(60);
  }

  private static String describe(CompositePermissionCheck check) {
    return (check.isDisjunctive() ? "any of " : "all of ") + check.getAtomicChecks().stream()
        .map(c -> c.getPermission().getName() + " on " + c.getResource().resourceName() + " " + c.getResourceId())
        .toList();
  }

  private Map<String, Authorization> grants(String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
        .list().stream().collect(java.util.stream.Collectors.toMap(
            a -> a.getGroupId() != null ? a.getGroupId() : a.getUserId(), a -> a));
  }

  private long revokes() {
    return engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
  }
}
