package mx.cocreacion.operations;

import static mx.cocreacion.support.Http.var;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.RequiresPostgres;
import mx.cocreacion.support.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fault is not a 500 (issue 14), on the suite's PostgreSQL run: while people complete tasks over engine REST and read the open data,
 * PostgreSQL ends every connection of the application ({@code pg_terminate_backend}, as a restart does).
 * Every answer is a success or a 503 with {@code Retry-After} and a Spanish message, never a 500 nor the
 * persistence layer's words (the three signatures of an exercise go to different people at the same moment, so a
 * 409 that says another person changed the same thing, and that nothing was saved, is a proper answer too);
 * nothing is half-written (a task is completed exactly when its signature is in
 * the plan of record); and what was refused succeeds when sent again.
 */
@CocreacionTest
@Tag(RequiresPostgres.TAG) // the suite's PostgreSQL run only: H2 has no connections to cut
class DatabaseFaultTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void cutConnectionsAnswer503AndLeaveNothingHalfWritten() throws Exception {
    Http http = new Http(port);
    ExerciseDriver driver = new ExerciseDriver(engine);
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    List<String> faults = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> tasks = new ArrayList<>();

    for (int round = 0; round < 6 && !statuses.containsKey(503); round++) {
      List<String> batch = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        var exercise = driver.start("yuc"); // an entidad no other test works in Tasklist
        driver.tasks(exercise, "sign-declaration").stream().map(Task::getId).forEach(batch::add);
      }
      tasks.addAll(batch);
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(5);
      Future<?> killer = pool.submit(() -> {
        while (running.get()) {
          terminateConnections(); // as fast as a new connection to PostgreSQL allows
        }
        return null;
      });
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        clients.add(pool.submit(() -> {
          for (int i = client; i < batch.size(); i += 4) {
            String task = batch.get(i);
            Answer done = http.post("admin", "/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("signatoryName", var("String", "Firmante " + i), "signed", var("Boolean", true))));
            record(statuses, faults, done);
            if (done.status() != 204) {
              refused.add(task);
            }
            record(statuses, faults, http.get(null, "/api/public/exercises/yuc/commitments"));
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get(2, TimeUnit.MINUTES);
      }
      running.set(false);
      killer.get(1, TimeUnit.MINUTES);
      pool.shutdown();
    }

    // The pool drops the connections PostgreSQL ended as they fail; then the database answers again (before any
    // assertion, so that a failure here leaves no ended connection in the pool for the tests that share it).
    untilTheDatabaseAnswers();
    assertThat(faults).as("answers that are not a success, a 404, a proper 409 or a proper 503").isEmpty();
    assertThat(statuses).as("a fault was provoked and answered 503").containsKey(503).doesNotContainKey(500);

    // Nothing half-written: a task is completed exactly when its signature is recorded.
    for (String task : tasks) {
      boolean open = engine.getTaskService().createTaskQuery().taskId(task).count() == 1;
      int signatures = jdbc.sql("select count(*) from cc_record where task_id = :t and kind = 'declaration-signature'")
          .param("t", task).query(Integer.class).single();
      assertThat(signatures).as(task + (open ? " open" : " completed")).isEqualTo(open ? 0 : 1);
    }
    // What was refused goes through when sent again.
    for (String task : refused) {
      if (engine.getTaskService().createTaskQuery().taskId(task).count() == 1) {
        Answer again = http.post("admin", "/engine-rest/task/" + task + "/complete", Map.of("variables",
            Map.of("signatoryName", var("String", "Firmante"), "signed", var("Boolean", true))));
        assertThat(again.status()).as(again.toString()).isEqualTo(204);
      }
    }
  }

  private static void record(Map<Integer, AtomicInteger> statuses, List<String> faults, Answer answer) {
    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
    boolean fine = answer.status() == 200 || answer.status() == 204 || answer.status() == 404
        || (answer.status() == 503 && answer.headers().firstValue("Retry-After").isPresent() && nothingSaved(answer))
        // two signatures of one exercise completed at the same moment: the engine's optimistic lock refuses one
        || (answer.status() == 409 && answer.message().contains("Otra persona cambió lo mismo") && nothingSaved(answer));
    if (!fine) {
      faults.add(answer.toString());
    }
  }

  /** A refusal that says, in Spanish and without the persistence layer's words, that nothing was saved. */
  private static boolean nothingSaved(Answer answer) {
    return answer.message().contains("No se guardó nada") && !answer.body().contains("SQL")
        && !answer.body().toLowerCase().contains("postgres");
  }

  private void untilTheDatabaseAnswers() {
    for (int attempt = 1; ; attempt++) {
      try {
        engine.getTaskService().createTaskQuery().count();
        jdbc.sql("select count(*) from cc_record").query(Integer.class).single();
        return;
      } catch (RuntimeException stale) {
        if (attempt > 50) {
          throw stale;
        }
      }
    }
  }

  /** What a restart of PostgreSQL does to the application: every connection to its database ends. */
  private static void terminateConnections() throws Exception {
    try (Connection c = DriverManager.getConnection(TestDatabase.url("postgres"), TestDatabase.user(),
        TestDatabase.password()); Statement s = c.createStatement()) {
      s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
          + TestDatabase.SUITE_DATABASE + "' and pid <> pg_backend_pid()");
    }
  }
}
