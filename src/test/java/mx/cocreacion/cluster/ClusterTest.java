package mx.cocreacion.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.cocreacion.reminder.ReminderMailer;
import mx.cocreacion.reminder.ReminderSweep;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.RequiresPostgres;
import mx.cocreacion.support.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A homogeneous cluster, for real: two application JVMs ({@link ClusterNode}, configured by the
 * environment of {@code app1} in docker-compose.yml) with their job executors on one PostgreSQL
 * database ({@value #DATABASE}, recreated), an SMTP server in this JVM (GreenMail). The test starts
 * {@value #EXERCISES} exercises over engine REST, half on each node; their three
 * <i>Firmar declaración conjunta</i> tasks fall due together, so each task's due timer fires and
 * sends its reminder. While both nodes work through the timers, node A is killed (SIGKILL) with jobs
 * locked; node B takes them over when the lock expires.
 *
 * <p>The sweep job ({@link mx.cocreacion.reminder.ReminderSweep}, every {@value #SWEEP_EVERY} here) creates one
 * send job per due task, and the nodes run those. (Until issue 19 retired it, the test also ran the design with a
 * timer job per task.)
 *
 * <p>Checked: every timer (or send job) fired exactly once (job log and {@code cc_reminder}), every reminder
 * e-mail arrived at the SMTP server, once except at most the one node A was sending when it was killed
 * (the server accepted it, A's transaction never committed, B mails it again), nothing was lost, no incident. The figures go to
 * the output and to {@code target/cluster-figures-<design>.txt}. Rerun: {@code mvn test -Dtest=ClusterTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (needs PostgreSQL on 127.0.0.1:5432).
 *
 * <p>Timing is the test's own (not the application's defaults): due date {@value #DUE}, lock time
 * {@link #LOCK_TIME}, one job thread per node, node A acquiring up to ten jobs at a time (so it holds locks
 * on jobs it has not run yet when it is killed) and node B three (on equal terms one node can take a short
 * storm alone: seen in CI, node B ran all 180 and A none, and there was nothing to take over), idle nodes
 * look for due jobs at least every second, retries after a conflict every second.
 */
@RequiresPostgres
class ClusterTest {

  static final String DATABASE = "cc_cluster";
  static final int EXERCISES = 60;
  static final List<String> TENANTS = List.of("oax", "jal", "cam");
  static final String DUE = "PT40S";
  static final Duration LOCK_TIME = Duration.ofSeconds(15);
  static final String ADMIN_PASSWORD = "Cluster-Prueba-2100";
  static final String TASK = "sign-declaration";
  static final String SWEEP_EVERY = "PT2S";

  @Test
  void everyReminderIsSentOnceEveryEmailArrivesOnceAndAHardStopLosesNothing() throws Exception {
    String design = "sweeper";
    TestDatabase.recreate(DATABASE);
    // One line per new mailbox otherwise.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Instant begin = Instant.now();
    // Node A first: on an empty database one node creates the schema (docker-compose does the same).
    try (ClusterNode a = node("node-a", smtp, 10, design)) {
      awaitReady(a);
      try (ClusterNode b = node("node-b", smtp, 3, design)) {
        awaitReady(b);
        Duration startup = Duration.between(begin, Instant.now());

        // Many exercises at once, half through each node.
        Instant creation = Instant.now();
        startExercises(a, b);
        Duration creating = Duration.between(creation, Instant.now());
        int timers;
        try (Connection db = connect()) {
          timers = count(db, "select count(*) from act_ru_task where task_def_key_ = '" + TASK + "'");
        }
        assertThat(timers).as("three declaration tasks per exercise").isEqualTo(EXERCISES * TENANTS.size());

        // Kill node A mid-run, while both nodes hold locks on jobs.
        Map<String, Object[]> locksAtKill = new LinkedHashMap<>();
        await("node A working on the due timers").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
            .until(() -> {
              try (Connection db = connect()) {
                int done = count(db, "select count(*) from cc_reminder");
                int byA = count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = 'node-a'");
                Map<String, Object[]> locks = lockedJobs(db);
                // Lock owners are the job executors' random ids: two owners means A holds locks too.
                long owners = locks.values().stream().map(l -> l[0]).distinct().count();
                // A has run jobs and holds locks on jobs it has not run yet (or the storm is nearly over).
                boolean ready = byA > 0 && owners >= 2 || done >= timers * 4 / 5;
                if (ready) {
                  locksAtKill.putAll(locks);
                }
                return ready;
              }
            });
        a.kill();
        Instant killedAt = Instant.now();
        int doneAtKill;
        try (Connection db = connect()) {
          doneAtKill = count(db, "select count(*) from cc_reminder");
        }

        // Node B alone finishes everything, including what A had locked.
        boolean drained = true;
        try {
          await("every reminder recorded and mailed").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
              .until(() -> {
                try (Connection db = connect()) {
                  return count(db, "select count(*) from cc_reminder") >= timers
                      && smtp.getReceivedMessages().length >= recipients(db)
                      && count(db, "select count(*) from act_ru_job where lock_owner_ is not null") == 0;
                }
              });
        } catch (ConditionTimeoutException notDrained) {
          drained = false;
        }

        Figures f = figures(design, smtp, timers, locksAtKill, killedAt, doneAtKill, begin, startup, creating, drained);
        Path figures = Path.of("target", "cluster-figures-" + design + ".txt");
        Files.createDirectories(figures.getParent());
        Files.writeString(figures, f.text());
        System.out.println(f.text());

        assertThat(drained).as("node B drained every timer within 3 minutes after the kill\n" + f.text()).isTrue();
        assertThat(f.timersFired).as("timers fired").isEqualTo(timers);
        assertThat(f.timerDuplicates).as("timer jobs executed twice (job log)").isZero();
        assertThat(f.reminderDuplicates).as("tasks with more than one reminder (cc_reminder)").isZero();
        // SMTP and the database share no transaction: an e-mail the server accepted from A in the instant
        // before A's commit is mailed again by B (docs/operations.md, "PostgreSQL (production)"). A has one job thread: at most one.
        assertThat(f.mailDuplicates).as("reminder e-mails delivered twice (only the one in flight at the kill may be)\n"
            + f.text()).isLessThanOrEqualTo(1);
        assertThat(f.mailLost).as("reminder e-mails never delivered").isZero();
        assertThat(f.timersLost).as("due timers never fired").isZero();
        assertThat(f.incidents).as("incidents").isZero();
        assertThat(f.takenOver).as("jobs node A had locked when killed, run by node B after the lock expired\n" + f.text())
            .isPositive();
        assertThat(f.mails).as("e-mails (one per recipient)").isPositive();
      }
    } finally {
      smtp.stop();
    }
  }

  // --- the nodes ------------------------------------------------------------------------------

  /** A node configured as docker-compose's {@code app1}, on this machine's PostgreSQL and SMTP server. */
  static ClusterNode node(String name, GreenMail smtp, int jobsPerAcquisition, String design) throws IOException {
    Map<String, String> environment = new HashMap<>(
        ComposeFile.read().environment("app1", Map.of("COCREACION_ADMIN_PASSWORD", ADMIN_PASSWORD)));
    // Where this machine differs from the compose network, and demo users (they have e-mail addresses).
    Map<String, String> here = Map.of(
        "COCREACION_DB_URL", TestDatabase.url(DATABASE),
        "COCREACION_DB_USER", TestDatabase.user(),
        "COCREACION_DB_PASSWORD", TestDatabase.password(),
        "SPRING_MAIL_HOST", "127.0.0.1",
        "SPRING_MAIL_PORT", Integer.toString(smtp.getSmtp().getPort()),
        "COCREACION_DEMO", "true",
        "COCREACION_DEMO_IN_PRODUCTION", "true");
    here.keySet().forEach(key -> assertThat(environment).as("docker-compose app1 environment").containsKey(key));
    environment.putAll(here);
    environment.put("COCREACION_DB_POOL", "8");

    List<String> arguments = new ArrayList<>(List.of(
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobsPerAcquisition,
        "--camunda.bpm.job-execution.core-pool-size=1",
        "--camunda.bpm.job-execution.max-pool-size=1",
        "--camunda.bpm.job-execution.queue-capacity=10",
        "--camunda.bpm.job-execution.wait-time-in-millis=250",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--cocreacion.due-dates.tasks." + TASK + "=" + DUE,
        "--cocreacion.reminders.sweep-every=" + SWEEP_EVERY,
        "--cocreacion.reminders.retry-cycle=" + String.join(",", java.util.Collections.nCopies(10, "PT1S")),
        "--cocreacion.demo.seed-exercise=false",
        "--logging.level.root=WARN",
        "--logging.level.mx.cocreacion.reminder=INFO"));
    return ClusterNode.start(name, environment, arguments);
  }

  static void awaitReady(ClusterNode node) {
    await(node.name + " up").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(node::ready);
  }

  /** {@value #EXERCISES} exercises through engine REST as the administrator, alternating nodes, four at a time. */
  static void startExercises(ClusterNode a, ClusterNode b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> started = new ArrayList<>();
      for (int i = 0; i < EXERCISES; i++) {
        String tenant = TENANTS.get(i % TENANTS.size());
        String businessKey = tenant + "-" + (2100 + i);
        ClusterNode node = i % 2 == 0 ? a : b;
        started.add(pool.submit(() -> startExercise(node, tenant, businessKey)));
      }
      for (Future<Integer> status : started) {
        assertThat(status.get()).as("HTTP status of a start").isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static int startExercise(ClusterNode node, String tenant, String businessKey) {
    Map<String, Object> variables = Map.of(
        "entity", Map.of("value", tenant, "type", "String"),
        "exerciseName", Map.of("value", "Ejercicio de prueba del clúster", "type", "String"),
        "guarantorBody", Map.of("value", "Órgano garante de " + tenant, "type", "String"));
    Answer response = node.http.send("admin", ADMIN_PASSWORD, node.http.request("POST",
        node.url("/engine-rest/process-definition/key/local-exercise/start"),
        Map.of("businessKey", businessKey, "variables", variables)));
    if (response.status() != 200) {
      System.out.println("Inicio de " + businessKey + " en " + node.name + ": " + response.status() + " " + response.body());
    }
    return response.status();
  }

  // --- what the database and the SMTP server say ----------------------------------------------

  record Figures(String text, int timersFired, int timerDuplicates, int reminderDuplicates, int mails,
      int mailDuplicates, int mailLost, int timersLost, int incidents, int takenOver) {}

  static Figures figures(String design, GreenMail smtp, int timers, Map<String, Object[]> locksAtKill, Instant killedAt,
      int doneAtKill, Instant begin, Duration startup, Duration creating, boolean drained)
      throws SQLException, MessagingException {
    try (Connection db = connect()) {
      int reminders = count(db, "select count(*) from cc_reminder");
      int timersFired = count(db, "select count(distinct task_id) from cc_reminder");
      int reminderDuplicates = reminders - timersFired;
      int timersLost = timers - timersFired;
      // Job log: one success per executed timer job; two for one job would be a double execution.
      // The job that sends: the send job the sweep created for the task.
      String type = ReminderSweep.SEND_TYPE;
      String timerJobs = "from act_hi_job_log where job_state_ = 2 and job_def_type_ = '" + type + "'";
      int executions = count(db, "select count(*) " + timerJobs);
      int timerDuplicates = executions - count(db, "select count(distinct job_id_) " + timerJobs);
      Map<String, Integer> byNode = grouped(db, "select hostname_, count(*) " + timerJobs + " group by hostname_");
      Map<String, Integer> failures = grouped(db,
          "select hostname_, count(*) from act_hi_job_log where job_state_ = 1 group by hostname_");
      int incidents = count(db, "select count(*) from act_ru_incident");

      // SMTP: deliveries per reminder (header task/number) against the recipients recorded.
      Map<String, Integer> expected = new HashMap<>();
      try (ResultSet rs = db.createStatement().executeQuery("select task_id, sequence, recipients from cc_reminder")) {
        while (rs.next()) {
          expected.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3).isEmpty() ? 0 : rs.getString(3).split(",").length);
        }
      }
      Map<String, Integer> delivered = new HashMap<>();
      MimeMessage[] messages = smtp.getReceivedMessages();
      for (MimeMessage message : messages) {
        delivered.merge(message.getHeader(ReminderMailer.REMINDER_HEADER, null), 1, Integer::sum);
      }
      int mailDuplicates = 0;
      int mailLost = 0;
      for (var e : expected.entrySet()) {
        int got = delivered.getOrDefault(e.getKey(), 0);
        mailDuplicates += Math.max(0, got - e.getValue());
        mailLost += Math.max(0, e.getValue() - got);
      }
      int unknown = (int) delivered.keySet().stream().filter(k -> !expected.containsKey(k)).count();
      mailDuplicates += unknown; // delivered but no record: a reminder whose transaction rolled back

      // The jobs A had locked when it died: run by B once their lock expired.
      int takenOver = 0;
      int finishedByA = 0;
      for (var lock : locksAtKill.entrySet()) {
        try (var q = db.prepareStatement(
            "select hostname_, timestamp_ from act_hi_job_log where job_id_ = ? and job_state_ = 2")) {
          q.setString(1, lock.getKey());
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              Timestamp expiry = (Timestamp) lock.getValue()[1];
              if ("node-b".equals(rs.getString(1)) && !rs.getTimestamp(2).before(expiry)) {
                takenOver++;
              } else if ("node-a".equals(rs.getString(1))) {
                finishedByA++;
              }
            }
          }
        }
      }
      Timestamp firstDue = single(db, "select min(due_date) from cc_reminder");
      Timestamp lastSent = single(db, "select max(sent_at) from cc_reminder");
      String text = String.join("\n",
          "== Clúster: 2 nodos (JVM), recordatorios " + design + ", PostgreSQL " + DATABASE + ", bloqueo de trabajos " + LOCK_TIME.toSeconds() + " s ==",
          "exercises:                 " + EXERCISES + " (started in " + creating.toMillis() + " ms over REST, half per node)",
          "timers (due, one per task):" + " " + timers,
          "timers fired:              " + timersFired + " (executions in the job log: " + executions + ", by node " + byNode + ")",
          "reminders recorded:        " + reminders,
          "reminder e-mails at SMTP:  " + messages.length + " (expected " + expected.values().stream().mapToInt(Integer::intValue).sum() + ")",
          "duplicates found:          timers " + timerDuplicates + ", reminders " + reminderDuplicates + ", e-mails " + mailDuplicates,
          "jobs lost:                 timers " + timersLost + ", e-mails " + mailLost + ", incidents " + incidents,
          "failed attempts (retried): " + failures + " (optimistic-locking conflicts between nodes, retried)",
          "node A killed (SIGKILL):   after " + doneAtKill + " of " + timers + " reminders, holding locks on "
              + locksAtKill.size() + " jobs of both nodes; " + takenOver + " of them run by node B after the lock expired"
              + (finishedByA > 0 ? ", " + finishedByA + " finished by A just before" : ""),
          "time to drain:             " + (lastSent == null ? "-" : Duration.between(firstDue.toInstant(), lastSent.toInstant()).toMillis() + " ms from the first due date to the last reminder, "
              + Duration.between(killedAt, lastSent.toInstant()).toMillis() + " ms after the kill") + (drained ? "" : " (NOT DRAINED)"),
          "nodes up in:               " + startup.toSeconds() + " s; whole test " + Duration.between(begin, Instant.now()).toSeconds() + " s",
          "rerun:                     mvn test -Dtest=ClusterTest -Dsurefire.failIfNoSpecifiedTests=false -Dbpmnlint.skip=true",
          "");
      return new Figures(text, timersFired, timerDuplicates, reminderDuplicates, messages.length, mailDuplicates,
          mailLost, timersLost, incidents, takenOver);
    }
  }

  static Map<String, Object[]> lockedJobs(Connection db) throws SQLException {
    Map<String, Object[]> locks = new LinkedHashMap<>();
    try (ResultSet rs = db.createStatement().executeQuery(
        "select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null")) {
      while (rs.next()) {
        locks.put(rs.getString(1), new Object[] {rs.getString(2), rs.getTimestamp(3)});
      }
    }
    return locks;
  }

  static int recipients(Connection db) throws SQLException {
    int total = 0;
    try (ResultSet rs = db.createStatement().executeQuery("select recipients from cc_reminder")) {
      while (rs.next()) {
        total += rs.getString(1).isEmpty() ? 0 : rs.getString(1).split(",").length;
      }
    }
    return total;
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(TestDatabase.url(DATABASE), TestDatabase.user(), TestDatabase.password());
  }

  static int count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static Timestamp single(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  static Map<String, Integer> grouped(Connection db, String sql) throws SQLException {
    Map<String, Integer> map = new LinkedHashMap<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        map.put(rs.getString(1), rs.getInt(2));
      }
    }
    return map;
  }
}
