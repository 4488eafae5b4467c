package mx.cocreacion.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What a person's calendar feed holds: their open tasks with a due date (assigned to them, or unassigned with
 * them or one of their groups as candidates), only within the entidades (tenants) they belong to, and the public
 * milestones of those entidades' current exercises ({@link CalendarMilestones}). A task's UID is its id: a new
 * due date replaces the event.
 */
@Service
public class PersonalCalendar {

  /** More open tasks than anyone has; the feed stays small whatever happens. */
  static final int MAX_TASKS = 500;
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-MX"));

  private final TaskService tasks;
  private final IdentityService identity;
  private final CalendarMilestones milestones;

  public PersonalCalendar(TaskService tasks, IdentityService identity, CalendarMilestones milestones) {
    this.tasks = tasks;
    this.identity = identity;
    this.milestones = milestones;
  }

  /** The events of {@code userId}'s feed: their tasks first, then their entidades' milestones. */
  /** The account still exists: a deleted person's token opens nothing. */
  public boolean exists(String userId) {
    return identity.createUserQuery().userId(userId).count() == 1;
  }

  public List<CalendarEvent> events(String userId) {
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).sorted().toList();
    List<CalendarEvent> events = new ArrayList<>();
    if (tenants.isEmpty()) {
      return events;
    }
    // Candidate users and groups: Camunda resolves the person's groups; candidates only while nobody holds it.
    List<Task> open = tasks.createTaskQuery().active().tenantIdIn(tenants.toArray(String[]::new))
        .or().taskAssignee(userId).taskCandidateUser(userId).endOr()
        .orderByDueDate().asc().orderByTaskId().asc().listPage(0, MAX_TASKS);
    for (Task task : open) {
      if (task.getDueDate() == null) {
        continue;
      }
      LocalDate due = Dates.localDate(task.getDueDate().toInstant());
      String entity = task.getTenantId() == null ? "" : EntityCatalogue.nameOf(task.getTenantId());
      String url = milestones.publicUrl() + "/camunda/app/tasklist/default/#/?task=" + task.getId();
      events.add(new CalendarEvent("tarea-" + task.getId() + CalendarMilestones.UID_DOMAIN, due,
          "Vence: " + task.getName(),
          "Tarea pendiente en Tasklist" + (entity.isEmpty() ? "" : " (" + entity + ")") + ": " + task.getName()
              + ".\nVence el " + LONG_DATE.format(due) + ".\n"
              + (userId.equals(task.getAssignee()) ? "La tiene usted." : "Puede tomarla usted o alguien de su grupo.")
              + "\nÁbrala en Tasklist: " + url,
          url, task.getLastUpdated() != null ? task.getLastUpdated().toInstant()
              : task.getCreateTime() == null ? null : task.getCreateTime().toInstant()));
    }
    for (String tenant : tenants) {
      events.addAll(milestones.of(tenant));
    }
    return events;
  }
}
