package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared Tasklist filters each role sees (read through the FilterService as that person, with
 * their groups and tenants, as Tasklist does), and what "Vencidas" and "Tareas de mi sector" list.
 */
class TasklistFiltersTest extends ProcessTestSupport {

  static final String STL_MEMBER = "filtros-stl-2150@example.mx";

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    if (engine.getIdentityService().createUserQuery().userId(STL_MEMBER).count() > 0) {
      engine.getIdentityService().deleteUser(STL_MEMBER);
    }
  }

  @Test
  void everyRoleSeesItsSharedFiltersAndNoOthers() {
    var identity = engine.getIdentityService();
    var member = identity.newUser(STL_MEMBER);
    member.setFirstName("Integrante");
    member.setLastName("STL");
    identity.saveUser(member);
    identity.createMembership(STL_MEMBER, Roles.STL);
    identity.createTenantUserMembership("oax", STL_MEMBER);

    List<String> everyone = List.of(PlatformSetup.FILTER_MY_TASKS, PlatformSetup.FILTER_GROUP_TASKS,
        PlatformSetup.FILTER_OVERDUE);
    for (String sectorUser : List.of("oax-guarantor", "oax-society", "oax-government")) {
      assertThat(filterNames(sectorUser)).as(sectorUser)
          .containsExactlyInAnyOrder(concat(everyone, PlatformSetup.FILTER_SECTOR_TASKS));
    }
    assertThat(filterNames("inai-monitor")).containsExactlyInAnyOrder(concat(everyone, PlatformSetup.FILTER_INAI));
    assertThat(filterNames(STL_MEMBER)).containsExactlyInAnyOrder(concat(everyone, PlatformSetup.FILTER_STAND_IN));

    // Each sector sees the sector filter of its own group, not another sector's.
    for (Sector sector : Sector.values()) {
      String user = "oax-" + sector.id();
      Filter ofSector = visibleFilters(user).stream()
          .filter(f -> PlatformSetup.FILTER_SECTOR_TASKS.equals(f.getName())).findFirst().orElseThrow();
      assertThat(PlatformSetup.keyOf(ofSector)).isEqualTo(PlatformSetup.sectorKey(sector));
    }
  }

  @Test
  void sectorFilterListsTheSectorsTasksOfTheEntidadAlsoWhenAColleagueClaimedThem() {
    ProcessInstance oaxaca = driver.start("oax");
    ProcessInstance jalisco = driver.start("jal");
    Task oaxGuarantor = declarationTask(oaxaca, Sector.GUARANTOR);
    engine.getTaskService().claim(oaxGuarantor.getId(), "oax-guarantor");

    List<String> seen = listAs("oax-guarantor", PlatformSetup.sectorKey(Sector.GUARANTOR));
    assertThat(seen).contains(oaxGuarantor.getId())
        .doesNotContain(declarationTask(oaxaca, Sector.SOCIETY).getId(),
            declarationTask(jalisco, Sector.GUARANTOR).getId());
  }

  @Test
  void overdueListsTasksDueBeforeNowOfMyGroupsAndNotTheOthers() {
    ProcessInstance late = driver.start("oax");
    ProcessInstance onTime = driver.start("oax");
    Task overdue = declarationTask(late, Sector.GUARANTOR);
    Task notYetDue = declarationTask(onTime, Sector.GUARANTOR);
    Date now = ClockUtil.getCurrentTime();
    overdue.setDueDate(new Date(now.getTime() - 60_000));
    engine.getTaskService().saveTask(overdue);
    assertThat(notYetDue.getDueDate()).isAfter(now);

    List<String> guarantor = listAs("oax-guarantor", PlatformSetup.KEY_OVERDUE);
    assertThat(guarantor).contains(overdue.getId()).doesNotContain(notYetDue.getId());
    // Another sector's overdue task is not in my "Vencidas".
    assertThat(listAs("oax-society", PlatformSetup.KEY_OVERDUE)).doesNotContain(overdue.getId());

    // A task assigned to me personally (no candidate group of mine) is in my "Vencidas" too.
    Task society = declarationTask(late, Sector.SOCIETY);
    society.setAssignee("oax-guarantor");
    society.setDueDate(new Date(now.getTime() - 60_000));
    engine.getTaskService().saveTask(society);
    assertThat(listAs("oax-guarantor", PlatformSetup.KEY_OVERDUE)).contains(society.getId());

    // Two weeks later the other one is overdue too: "now" is the moment the list is shown.
    ClockUtil.setCurrentTime(new Date(notYetDue.getDueDate().getTime() + 60_000));
    assertThat(listAs("oax-guarantor", PlatformSetup.KEY_OVERDUE)).contains(overdue.getId(), notYetDue.getId());
  }

  @Test
  void startUpIsIdempotentAndRepairsAChangedFilter() {
    var filters = engine.getFilterService();
    Filter overdue = byKey(filters.createFilterQuery().list(), PlatformSetup.KEY_OVERDUE);
    overdue.setQuery(engine.getTaskService().createTaskQuery().taskName("cambiada a mano"));
    filters.saveFilter(overdue);
    // A person's own filter with the same name is theirs: start-up leaves it alone.
    Filter personal = filters.newTaskFilter(PlatformSetup.FILTER_OVERDUE);
    personal.setOwner("oax-guarantor");
    personal.setQuery(engine.getTaskService().createTaskQuery().taskName("mi propio filtro"));
    personal = filters.saveFilter(personal);
    long before = filters.createFilterQuery().count();

    try {
      new PlatformSetup().postProcessEngineBuild(engine);

      assertThat(filters.createFilterQuery().count()).isEqualTo(before);
      Filter repaired = filters.getFilter(overdue.getId());
      TaskQueryImpl query = repaired.getQuery();
      assertThat(query.getName()).isNull();
      assertThat(query.getExpressions()).containsKey("dueBefore");
      assertThat(filters.getFilter(personal.getId()).<TaskQueryImpl>getQuery().getName()).isEqualTo("mi propio filtro");
      assertThat(PlatformSetup.keyOf(filters.getFilter(personal.getId()))).isNull();
    } finally {
      filters.deleteFilter(personal.getId());
    }
    assertThat(filters.createFilterQuery().filterName(PlatformSetup.FILTER_SECTOR_TASKS).count()).isEqualTo(3);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Task declarationTask(ProcessInstance exercise, Sector sector) {
    return driver.tasks(exercise, "sign-declaration").stream()
        .filter(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(link -> sector.id().equals(link.getGroupId())))
        .findFirst().orElseThrow();
  }

  private List<Filter> visibleFilters(String user) {
    authenticate(user);
    try {
      return engine.getFilterService().createTaskFilterQuery().list();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private List<String> filterNames(String user) {
    return visibleFilters(user).stream().map(Filter::getName).toList();
  }

  /** The ids of the tasks the filter with that key lists for the user. */
  private List<String> listAs(String user, String key) {
    Filter filter = byKey(visibleFilters(user), key);
    authenticate(user);
    try {
      return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Filter byKey(List<Filter> filters, String key) {
    Map<String, Filter> byKey = filters.stream().filter(f -> PlatformSetup.keyOf(f) != null)
        .collect(Collectors.toMap(PlatformSetup::keyOf, f -> f));
    assertThat(byKey).containsKey(key);
    return byKey.get(key);
  }

  /** Authenticates as Tasklist does: the user with all their groups and tenants. */
  private void authenticate(String user) {
    var identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, tenants);
  }

  private static String[] concat(List<String> names, String extra) {
    return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(extra)).toArray(String[]::new);
  }
}
