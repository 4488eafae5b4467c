package mx.cocreacion.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the platform, one series per entidad ({@code tenant} tag, the 32 of the
 * catalogue):
 * <ul>
 *   <li>{@code cocreacion_tasks_open}: open user tasks;</li>
 *   <li>{@code cocreacion_tasks_overdue}: open user tasks whose due date has passed;</li>
 *   <li>{@code cocreacion_reminders_sent_total}: reminder e-mails sent ({@code cc_reminder});</li>
 *   <li>{@code cocreacion_jobs_failed}: jobs whose last run failed (still retrying or out of retries);</li>
 *   <li>{@code cocreacion_incidents_open}: open incidents (e.g. a job out of retries), each root cause once
 *       (Camunda repeats an incident of a called step on every calling instance).</li>
 * </ul>
 * The figures are computed together by count queries and kept for {@code cocreacion.operations.metrics-cache}
 * (30 s by default), so a scrape costs at most about seventy indexed queries, and most cost nothing. The engine queries
 * run without an authenticated user, so neither authorizations nor tenant checks narrow them.
 */
@Component
public class OperationsMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);
  public static final String TAG_TENANT = "tenant";
  public static final String TASKS_OPEN = "cocreacion.tasks.open";
  public static final String TASKS_OVERDUE = "cocreacion.tasks.overdue";
  public static final String REMINDERS_SENT = "cocreacion.reminders.sent";
  public static final String JOBS_FAILED = "cocreacion.jobs.failed";
  public static final String INCIDENTS_OPEN = "cocreacion.incidents.open";

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final OperationsProperties properties;
  private volatile TenantFigures figures;

  public OperationsMetrics(ProcessEngine engine, JdbcClient jdbc, OperationsProperties properties,
      MeterRegistry registry) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.properties = properties;
    for (Entity entity : EntityCatalogue.all()) {
      String tenant = entity.code();
      gauge(registry, TASKS_OPEN, "Tareas abiertas", tenant, TenantFigures::openTasks);
      gauge(registry, TASKS_OVERDUE, "Tareas abiertas con la fecha de vencimiento pasada", tenant,
          TenantFigures::overdueTasks);
      gauge(registry, JOBS_FAILED, "Trabajos cuya última ejecución falló", tenant, TenantFigures::failedJobs);
      gauge(registry, INCIDENTS_OPEN, "Incidentes abiertos", tenant, TenantFigures::openIncidents);
      FunctionCounter.builder(REMINDERS_SENT, this, m -> m.current().remindersSent().getOrDefault(tenant, 0L))
          .description("Recordatorios de tareas vencidas enviados por correo")
          .tag(TAG_TENANT, tenant)
          .register(registry);
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, String tenant,
      Function<TenantFigures, Map<String, Long>> figure) {
    Gauge.builder(name, this, m -> TenantFigures.of(figure.apply(m.current()), tenant))
        .description(description)
        .tag(TAG_TENANT, tenant)
        .register(registry);
  }

  /** The figures, computed again when older than the cache period. */
  public TenantFigures current() {
    TenantFigures known = figures;
    if (known == null || !known.computedAt().plus(properties.metricsCache()).isAfter(Instant.now())) {
      return refresh();
    }
    return known;
  }

  /** Computes the figures now: two task counts per entidad, one query each for jobs, incidents, reminders. */
  public synchronized TenantFigures refresh() {
    long started = System.nanoTime();
    IdentityService identity = engine.getIdentityService();
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication(); // no user: no authorization or tenant check narrows the counts
    try {
      TaskService tasks = engine.getTaskService();
      ManagementService management = engine.getManagementService();
      RuntimeService runtime = engine.getRuntimeService();
      var now = ClockUtil.getCurrentTime();
      Map<String, Long> open = new HashMap<>();
      Map<String, Long> overdue = new HashMap<>();
      Map<String, Long> failed = new HashMap<>();
      Map<String, Long> incidents = new HashMap<>();
      for (Entity entity : EntityCatalogue.all()) {
        String tenant = entity.code();
        putIfAny(open, tenant, tasks.createTaskQuery().tenantIdIn(tenant).count());
        putIfAny(overdue, tenant, tasks.createTaskQuery().tenantIdIn(tenant).dueBefore(now).count());
      }
      // Failed jobs and incidents are few: one query each, counted per entidad here.
      management.createJobQuery().withException().list().stream()
          .filter(job -> job.getTenantId() != null)
          .forEach(job -> failed.merge(job.getTenantId(), 1L, Long::sum));
      // An incident in a called step is repeated on each calling instance (Cockpit shows the chain);
      // the root cause counts once.
      runtime.createIncidentQuery().list().stream()
          .filter(incident -> incident.getTenantId() != null && incident.getId().equals(incident.getRootCauseIncidentId()))
          .forEach(incident -> incidents.merge(incident.getTenantId(), 1L, Long::sum));
      Map<String, Long> reminders = new HashMap<>();
      jdbc.sql("""
              select e.tenant_id, count(*) as sent from cc_reminder r join cc_exercise e on e.id = r.exercise_id
              group by e.tenant_id""")
          .query(rs -> {
            reminders.put(rs.getString(1), rs.getLong(2));
          });
      figures = new TenantFigures(Instant.now(), open, overdue, reminders, failed, incidents);
      LOG.debug("Métricas de operación calculadas en {} ms", (System.nanoTime() - started) / 1_000_000);
      return figures;
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static void putIfAny(Map<String, Long> figures, String tenant, long count) {
    if (count > 0) {
      figures.put(tenant, count);
    }
  }
}
