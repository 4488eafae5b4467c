package mx.cocreacion.operations;

import java.time.Instant;
import java.util.Map;

/**
 * The operation figures of every entidad at one moment: open and overdue user tasks, reminders sent,
 * jobs whose last run failed and open incidents. Entidades without any are absent (zero).
 */
public record TenantFigures(
    Instant computedAt,
    Map<String, Long> openTasks,
    Map<String, Long> overdueTasks,
    Map<String, Long> remindersSent,
    Map<String, Long> failedJobs,
    Map<String, Long> openIncidents) {

  public TenantFigures {
    openTasks = Map.copyOf(openTasks);
    overdueTasks = Map.copyOf(overdueTasks);
    remindersSent = Map.copyOf(remindersSent);
    failedJobs = Map.copyOf(failedJobs);
    openIncidents = Map.copyOf(openIncidents);
  }

  static long of(Map<String, Long> figures, String tenant) {
    return figures.getOrDefault(tenant, 0L);
  }
}
