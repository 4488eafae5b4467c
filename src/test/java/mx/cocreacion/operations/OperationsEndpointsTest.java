package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.ReminderJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Actuator: the health answers anyone without details and INAI or the administrator with them; the
 * Prometheus metrics need one of those accounts; the project's metrics count what happens in one
 * entidad (tasks, an overdue task, a reminder sent, a failed reminder job and its incident).
 */
class OperationsEndpointsTest extends ProcessTestSupport {

  /** An entidad no other test uses: its figures change only here. */
  static final String TENANT = "yuc";

  @LocalServerPort int port;
  @Autowired OperationsMetrics metrics;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired GreenMail smtp;
  @Autowired StatusAggregator statusAggregator;
  @Autowired HttpCodeStatusMapper httpCodes;
  @Autowired OperationsProperties properties;

  static final String RECIPIENT = "operacion-2170";

  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    mailSender.setPort(smtp.getSmtp().getPort());
    if (engine.getIdentityService().createUserQuery().userId(RECIPIENT).count() > 0) {
      engine.getIdentityService().deleteUser(RECIPIENT);
    }
  }

  @Test
  void healthAnswersAnyoneWithTheStatusOnlyAndInaiWithTheDetails() {
    Answer anonymous = http.get("/actuator/health");
    assertThat(anonymous.status()).isEqualTo(200);
    JsonNode status = anonymous.json();
    assertThat(status.path("status").asText()).isEqualTo("UP");
    assertThat(status.has("components")).as("no details for anonymous").isFalse();
    assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

    for (String user : List.of("inai-monitor", "admin")) {
      JsonNode details = http.get(user, "/actuator/health").json();
      assertThat(details.path("status").asText()).isEqualTo("UP");
      JsonNode components = details.path("components");
      assertThat(components.path("db").path("status").asText()).as(user).isEqualTo("UP");
      assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
      assertThat(components.path("mail").path("status").asText()).isEqualTo("UP");
      assertThat(components.path("mail").path("details").path("location").asText())
          .isEqualTo("127.0.0.1:" + smtp.getSmtp().getPort());
    }
    // A person of an entidad gets the status as anyone does, not the details.
    JsonNode local = http.get("oax-guarantor", "/actuator/health").json();
    assertThat(local.has("components")).isFalse();
  }

  @Test
  void prometheusAndTheOtherEndpointsNeedAnAdministratorOrInai() {
    for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
      Answer anonymous = http.get(path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(anonymous.body()).contains("Se requiere autenticación").doesNotContain("cocreacion_");
    }
    Answer local = http.get("oax-guarantor", "/actuator/prometheus");
    assertThat(local.status()).isEqualTo(403);
    assertThat(local.body()).contains("no puede consultar la operación").doesNotContain("cocreacion_");
    Answer wrong = http.send("nadie-2160", "incorrecta", http.request("/actuator/prometheus").GET());
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("Usuario o contraseña incorrectos");

    for (String user : List.of("inai-monitor", "admin")) {
      Answer scrape = http.get(user, "/actuator/prometheus");
      assertThat(scrape.status()).as(user).isEqualTo(200);
      assertThat(scrape.body()).contains("cocreacion_tasks_open{", "cocreacion_tasks_overdue{",
          "cocreacion_reminders_sent_total{", "cocreacion_jobs_failed{", "cocreacion_incidents_open{",
          "tenant=\"oax\"", "tenant=\"zac\"");
    }
  }

  @Test
  void theMetricsCountTheEntidadsTasksRemindersFailedJobsAndIncidents() throws Exception {
    Figures before = scrape();

    ProcessInstance exercise = driver.start(TENANT);
    List<Task> declaration = driver.tasks(exercise, "sign-declaration");
    assertThat(declaration).hasSize(3);
    Date now = ClockUtil.getCurrentTime();
    Task remindedTask = declaration.get(0);
    Task failingTask = declaration.get(1);
    var recipient = engine.getIdentityService().newUser(RECIPIENT);
    recipient.setEmail(RECIPIENT + "@example.mx");
    engine.getIdentityService().saveUser(recipient);
    failingTask.setAssignee(RECIPIENT); // someone to write to, so the broken mail server is reached
    for (Task task : List.of(remindedTask, failingTask)) {
      task.setDueDate(new Date(now.getTime() - 3_600_000));
      engine.getTaskService().saveTask(task);
    }
    var management = engine.getManagementService();
    management.executeJob(reminderJob(remindedTask).getId()); // the e-mail goes out: one reminder

    mailSender.setPort(closedPort());
    String failing = reminderJob(failingTask).getId();
    assertThatThrownBy(() -> management.executeJob(failing)).hasStackTraceContaining("Mail server connection failed");

    Figures during = scrape();
    assertThat(during.open - before.open).as("open tasks").isEqualTo(3);
    assertThat(during.overdue - before.overdue).as("overdue tasks").isEqualTo(2);
    assertThat(during.reminders - before.reminders).as("reminders sent").isEqualTo(1);
    assertThat(during.failedJobs - before.failedJobs).as("failed jobs").isEqualTo(1);
    assertThat(during.incidents - before.incidents).as("open incidents, retries left").isZero();

    management.setJobRetries(failing, 0); // out of retries: an incident
    Figures exhausted = scrape();
    assertThat(exhausted.incidents - before.incidents).as("open incidents").isEqualTo(1);
    assertThat(exhausted.failedJobs - before.failedJobs).isEqualTo(1);

    // Other entidades are not counted here; a signed declaration leaves the open tasks.
    driver.signDeclaration(exercise);
    Figures after = scrape();
    assertThat(after.open - before.open).isEqualTo(driver.tasks(exercise, "conduct-outreach").size());
    assertThat(after.overdue - before.overdue).isZero();
    assertThat(after.reminders - before.reminders).as("a counter: reminders stay counted").isEqualTo(1);
  }

  @Test
  void figuresAreKeptForTheCachePeriodInsteadOfBeingQueriedOnEveryScrape() {
    TenantFigures first = metrics.refresh();
    driver.start(TENANT);
    assertThat(properties.metricsCache()).isPositive();
    assertThat(metrics.current()).isSameAs(first);
    assertThat(TenantFigures.of(metrics.refresh().openTasks(), TENANT))
        .isEqualTo(TenantFigures.of(first.openTasks(), TENANT) + 3);
  }

  @Test
  void aMailServerThatDoesNotAnswerDegradesTheHealthWithoutTakingTheNodeDown() throws IOException {
    JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
    unreachable.setHost("127.0.0.1");
    unreachable.setPort(closedPort());
    var health = new MailHealthIndicator(unreachable, properties).health();
    assertThat(health.getStatus()).isEqualTo(MailHealthIndicator.DEGRADED);
    assertThat(health.getDetails()).containsKey("error");

    assertThat(statusAggregator.getAggregateStatus(Status.UP, MailHealthIndicator.DEGRADED))
        .isEqualTo(MailHealthIndicator.DEGRADED);
    assertThat(statusAggregator.getAggregateStatus(Status.DOWN, MailHealthIndicator.DEGRADED)).isEqualTo(Status.DOWN);
    assertThat(httpCodes.getStatusCode(MailHealthIndicator.DEGRADED)).isEqualTo(200);
    assertThat(httpCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
  }

  // --- helpers ---------------------------------------------------------------------------------

  record Figures(long open, long overdue, long reminders, long failedJobs, long incidents) {}

  /** The entidad's figures as Prometheus reads them, computed now. */
  private Figures scrape() {
    metrics.refresh();
    Answer response = http.get("inai-monitor", "/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    String text = response.body();
    return new Figures(value(text, "cocreacion_tasks_open"), value(text, "cocreacion_tasks_overdue"),
        value(text, "cocreacion_reminders_sent_total"), value(text, "cocreacion_jobs_failed"),
        value(text, "cocreacion_incidents_open"));
  }

  private static long value(String exposition, String metric) {
    Matcher m = Pattern.compile("(?m)^" + metric + "\\{[^}]*tenant=\"" + TENANT + "\"[^}]*\\} ([0-9.eE+-]+)$")
        .matcher(exposition);
    assertThat(m.find()).as(metric + " of " + TENANT + " in\n" + exposition).isTrue();
    return Math.round(Double.parseDouble(m.group(1)));
  }

  private Job reminderJob(Task task) {
    return ReminderJobs.reminderJob(engine, task);
  }


  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
