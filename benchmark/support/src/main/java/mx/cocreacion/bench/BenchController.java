package mx.cocreacion.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /bench/**}: what {@code ./bench} needs from inside a node. Same code in both peers. */
@RestController
@RequestMapping("/bench")
public class BenchController {

  /**
   * Timer jobs of reminders: timeout task listeners (product), boundary timers (bare peer). A product task's
   * other timeout listener, the notice before it falls due (TimeoutListener_DueSoon_*), has its own instant,
   * days earlier, and is no reminder: the storm leaves it where it is.
   */
  static final String TIMER_JOBS = "TYPE_ = 'timer' and HANDLER_TYPE_ in ('timer-task-listener', 'timer-transition')"
      + " and HANDLER_CFG_ not like '%DueSoon%'";

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final JdbcTemplate jdbc;

  public BenchController(RuntimeService runtime, RepositoryService repository, DataSource dataSource) {
    this.runtime = runtime;
    this.repository = repository;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Ready = serving HTTP with the processes deployed (the product deploys its process application late). */
  @GetMapping("/ready")
  public ResponseEntity<Map<String, Object>> ready() {
    long deployed = repository.createProcessDefinitionQuery().processDefinitionKey("local-exercise").count();
    return ResponseEntity.status(deployed > 0 ? 200 : 503).body(Map.of("deployed", deployed));
  }

  /** SQL statements sent so far by this node. */
  @GetMapping("/sql")
  public Map<String, Object> sql() {
    return Map.of("statements", CountingDataSource.statements());
  }

  /** The statements executed most often since the last reset (diagnosis of a peer's SQL). */
  @GetMapping("/sql/top")
  public List<Map<String, Object>> top(@RequestParam(defaultValue = "40") int limit,
      @RequestParam(defaultValue = "false") boolean reset, @RequestParam(required = false) Boolean track) {
    if (track != null) {
      CountingDataSource.byText = track;
    }
    List<Map<String, Object>> top = CountingDataSource.BY_TEXT.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(limit)
        .map(e -> Map.<String, Object>of("n", e.getValue().sum(), "sql", e.getKey())).toList();
    if (reset) {
      CountingDataSource.BY_TEXT.clear();
    }
    return top;
  }

  /**
   * Starts {@code n} instances of {@code key} in-process with {@code threads} threads, business key
   * {@code <prefix>-<i>}; the body's variables plus {@code entity} taken in turn from {@code entities}. With
   * {@code exercise=true} (the product) each instance is also an exercise of the plan of record, a row of
   * {@code cc_exercise} under the instance's id, as local-exercise's start writes one: what the product records
   * about a step's task (a reminder, a notice) belongs to the exercise of its root process instance.
   */
  @PostMapping("/start")
  public Map<String, Object> start(@RequestParam String key, @RequestParam int n,
      @RequestParam(defaultValue = "2") int threads, @RequestParam(defaultValue = "") String entities,
      @RequestParam(defaultValue = "bench") String prefix, @RequestParam(defaultValue = "false") boolean exercise,
      @RequestBody(required = false) Map<String, Object> body)
      throws Exception {
    String[] tenants = entities.isBlank() ? new String[0] : entities.split(",");
    Map<String, Object> variables = body == null ? Map.of() : body;
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            Map<String, Object> vars = new HashMap<>(variables);
            if (tenants.length > 0) {
              vars.put("entity", tenants[i % tenants.length]);
            }
            String businessKey = prefix + "-" + i;
            String id = runtime.startProcessInstanceByKey(key, businessKey, vars).getId();
            if (exercise) {
              jdbc.update("""
                  insert into cc_exercise (id, business_key, active_key, tenant_id, exercise_year, name, guarantor_body,
                    started_by, started_at) values (?, ?, ?, ?, ?, ?, ?, 'bench', ?)""",
                  id, businessKey, businessKey, vars.getOrDefault("entity", "oax"), 2026,
                  "Ejercicio de la tormenta " + i, "Organismo garante", Timestamp.from(Instant.now()));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return Map.of("started", n, "millis", (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The product ({@code design=sweeper}; its only design since issue 19): no timer per task, so a reminder is due when
   * its task is; the drain is over when every task due at {@code at} has a reminder ({@code cc_reminder}).
   */
  static final String SWEEPER_DUE = "select count(*) from ACT_RU_TASK t where t.DUE_DATE_ <= ?"
      + " and not exists (select 1 from cc_reminder r where r.task_id = t.ID_)";

  /**
   * Makes every reminder timer (and its task) due at {@code at}: the storm's single instant ({@code design=timers}, the
   * bare peer's reminder timers). With {@code design=sweeper} (the product) every task's due date, and the sweep job
   * runs at once; {@code jobs} is then the number of reminders due (tasks).
   */
  @PostMapping("/timers/due")
  public Map<String, Object> makeDue(@RequestParam Instant at, @RequestParam(defaultValue = "timers") String design) {
    Timestamp ts = Timestamp.from(at);
    int tasks = jdbc.update("update ACT_RU_TASK set DUE_DATE_ = ?", ts);
    if ("sweeper".equals(design)) {
      int sweeps = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where ID_ = 'cc-reminder-sweep'", ts);
      return Map.of("jobs", tasks, "tasks", tasks, "sweeps", sweeps);
    }
    int jobs = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where " + TIMER_JOBS, ts);
    return Map.of("jobs", jobs, "tasks", tasks);
  }

  /** Reminder timers still due at {@code at} (0 = drained), failed ones, and all of them. */
  @GetMapping("/timers/due")
  public Map<String, Object> due(@RequestParam Instant at, @RequestParam(defaultValue = "timers") String design) {
    Timestamp ts = Timestamp.from(at);
    if ("sweeper".equals(design)) {
      Long due = jdbc.queryForObject(SWEEPER_DUE, Long.class, ts);
      Long failed = jdbc.queryForObject("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null", Long.class);
      Long all = jdbc.queryForObject("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'cc-reminder-send'", Long.class);
      return Map.of("due", due, "failed", failed, "timers", all);
    }
    Long due = jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ <= ? and " + TIMER_JOBS, Long.class, ts);
    Long failed = jdbc.queryForObject("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null", Long.class);
    Long all = jdbc.queryForObject("select count(*) from ACT_RU_JOB where " + TIMER_JOBS, Long.class);
    return Map.of("due", due, "failed", failed, "timers", all);
  }
}
