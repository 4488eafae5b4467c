package mx.cocreacion.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up (idempotent): the role groups, INAI's membership in every tenant, the group
 * authorizations each role needs and the shared Tasklist filters: "Mis tareas", "Tareas de mi
 * grupo" and "Vencidas" for everyone, "Tareas de mi sector" for each sector group and "Monitoreo
 * INAI" for INAI. Filters are found by their key property and updated, so a changed query reaches
 * existing installations.
 */
@Component
@Order(20)
public class PlatformSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformSetup.class);
  public static final String FILTER_MY_TASKS = "Mis tareas";
  public static final String FILTER_GROUP_TASKS = "Tareas de mi grupo";
  public static final String FILTER_INAI = "Monitoreo INAI";
  public static final String FILTER_SECTOR_TASKS = "Tareas de mi sector";
  public static final String FILTER_OVERDUE = "Vencidas";
  public static final String FILTER_STAND_IN = "Votos que puedo suplir";

  /** Filter property that tells the product's shared filters apart (three sector filters share a name). */
  public static final String PROPERTY_KEY = "cocreacionKey";
  static final String KEY_MY_TASKS = "my-tasks";
  static final String KEY_GROUP_TASKS = "group-tasks";
  static final String KEY_OVERDUE = "overdue";
  static final String KEY_STAND_IN = "stand-in-votes";
  static final String KEY_INAI = "inai-monitoring";
  static final String KEY_SECTOR_PREFIX = "sector-";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    createGroups(engine.getIdentityService());
    grantAuthorizations(engine.getAuthorizationService());
    createFilters(engine.getFilterService(), engine.getTaskService().createTaskQuery(), engine);
  }

  private void createGroups(IdentityService identity) {
    for (String id : List.of(Roles.GUARANTOR, Roles.SOCIETY, Roles.GOVERNMENT, Roles.STL, Roles.FACILITATOR, Roles.INAI)) {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        var group = identity.newGroup(id);
        group.setName(Roles.label(id));
        group.setType("WORKFLOW");
        identity.saveGroup(group);
      }
    }
    for (Entity entity : EntityCatalogue.all()) {
      if (identity.createTenantQuery().tenantId(entity.code()).groupMember(Roles.INAI).count() == 0) {
        identity.createTenantGroupMembership(entity.code(), Roles.INAI);
      }
    }
  }

  private void grantAuthorizations(AuthorizationService auth) {
    for (String group : Roles.LOCAL) {
      grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(auth, group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
    }
    // Organismos garantes start the exercise of their entidad (Tasklist start form or REST).
    grant(auth, Roles.GUARANTOR, Resources.PROCESS_DEFINITION, LocalExerciseProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(auth, Roles.GUARANTOR, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

    // INAI supervises every entidad: reads everything, works its own tasks, may start exercises.
    grant(auth, Roles.INAI, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(auth, Roles.INAI, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auth, Roles.INAI, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auth, Roles.INAI, Resources.PROCESS_DEFINITION, LocalExerciseProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(auth, Roles.INAI, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.CREATE);
    grant(auth, Roles.INAI, Resources.TASK, "*", TaskPermissions.READ);
    grant(auth, Roles.INAI, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
    grant(auth, Roles.INAI, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
    grant(auth, Roles.INAI, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(auth, Roles.INAI, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    // Cockpit's audit log: entries of a process are read through READ_HISTORY above; the platform's
    // administrative changes (accounts, memberships by the process or by admins, operators' actions
    // without a process) are read by category.
    grant(auth, Roles.INAI, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_ADMIN,
        UserOperationLogCategoryPermissions.READ);
    grant(auth, Roles.INAI, Resources.OPERATION_LOG_CATEGORY, UserOperationLogEntry.CATEGORY_OPERATOR,
        UserOperationLogCategoryPermissions.READ);
  }

  private static void grant(AuthorizationService auth, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = auth.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : auth.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    auth.saveAuthorization(authorization);
  }

  private void createFilters(FilterService filters, TaskQuery any, ProcessEngine engine) {
    var tasks = engine.getTaskService();
    AuthorizationService auth = engine.getAuthorizationService();
    // People land on the first filter (lowest priority): the tasks offered to their groups, where the work is;
    // the ones they took are right below.
    Filter mine = filter(filters, FILTER_MY_TASKS, KEY_MY_TASKS, -9, "Tareas asignadas a mí",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    Filter group = filter(filters, FILTER_GROUP_TASKS, KEY_GROUP_TASKS, -10, "Tareas de los grupos a los que pertenezco",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    // Overdue: assigned to me or offered to one of my groups, due before the moment the list is shown.
    Filter overdue = filter(filters, FILTER_OVERDUE, KEY_OVERDUE, -8,
        "Tareas mías o de mis grupos cuya fecha de vencimiento ya pasó",
        tasks.createTaskQuery()
            .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().endOr()
            .dueBeforeExpression("${now()}").orderByDueDate().asc());
    Filter inai = filter(filters, FILTER_INAI, KEY_INAI, 0, "Tareas abiertas de todas las entidades (supervisión nacional)",
        tasks.createTaskQuery().orderByDueDate().asc());
    grantFilterToAll(auth, mine);
    grantFilterToAll(auth, group);
    grantFilterToAll(auth, overdue);
    grant(auth, Roles.INAI, Resources.FILTER, inai.getId(), Permissions.READ);
    // A suplente is a candidate of the votes of the titulars of their sector (stl.StandIns): the votes they may cast
    // in a titular's absence. Only such votes have persons, not groups, as candidates.
    Filter standIn = filter(filters, FILTER_STAND_IN, KEY_STAND_IN, -7,
        "Votos de las personas titulares de mi sector que puedo emitir en su ausencia (suplencia)",
        tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks()
            .taskDefinitionKeyIn("vote-facilitator", "approve-commitments", "vote-amendment").orderByDueDate().asc());
    grant(auth, Roles.STL, Resources.FILTER, standIn.getId(), Permissions.READ);
    // One "Tareas de mi sector" per sector, readable only by that sector's group: every task offered to
    // the sector in the person's entidad (tenant check), also those a colleague already claimed.
    for (Sector sector : Sector.values()) {
      Filter ofSector = filter(filters, FILTER_SECTOR_TASKS, sectorKey(sector), -6,
          "Tareas del sector " + sector.label() + " en mi entidad, también las que ya tomó alguien del sector",
          tasks.createTaskQuery().taskCandidateGroup(sector.id()).includeAssignedTasks().orderByDueDate().asc());
      grant(auth, sector.id(), Resources.FILTER, ofSector.getId(), Permissions.READ);
    }
    LOG.info("Tasklist filters ready: {}, {}, {}, {} (one per sector), {}, {}", FILTER_MY_TASKS, FILTER_GROUP_TASKS,
        FILTER_OVERDUE, FILTER_SECTOR_TASKS, FILTER_STAND_IN, FILTER_INAI);
  }

  static String sectorKey(Sector sector) {
    return KEY_SECTOR_PREFIX + sector.id();
  }

  /**
   * Creates the shared filter or updates the existing one (same name and key, or a shared filter of
   * that name created before filters had a key), so a new version of a filter reaches old
   * installations. A person's own filter (it has an owner) of the same name is left alone.
   */
  private static Filter filter(FilterService filters, String name, String key, int priority, String description,
      TaskQuery query) {
    List<Filter> named = filters.createFilterQuery().filterName(name).list();
    Filter filter = named.stream().filter(f -> key.equals(keyOf(f))).findFirst()
        .or(() -> named.stream().filter(f -> keyOf(f) == null && f.getOwner() == null).findFirst())
        .orElseGet(() -> filters.newTaskFilter(name));
    filter.setQuery(query);
    filter.setProperties(Map.of(PROPERTY_KEY, key, "description", description, "priority", priority, "refresh", true,
        "variables", List.of(
            Map.of("name", "exerciseName", "label", "Ejercicio"),
            Map.of("name", "entity", "label", "Entidad"))));
    return filters.saveFilter(filter);
  }

  /** The product's key of a shared filter (property {@code cocreacionKey}); null for other filters. */
  public static String keyOf(Filter filter) {
    Map<String, Object> properties = filter.getProperties();
    return properties == null || !(properties.get(PROPERTY_KEY) instanceof String key) ? null : key;
  }

  private static void grantFilterToAll(AuthorizationService auth, Filter filter) {
    // A global authorization (type GLOBAL, user "*") applies to every user; a GRANT to user "*"
    // would list the filter but refuse to run it.
    if (auth.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(Resources.FILTER).resourceId(filter.getId()).count() == 0) {
      Authorization authorization = auth.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filter.getId());
      authorization.addPermission(Permissions.READ);
      auth.saveAuthorization(authorization);
    }
  }
}
