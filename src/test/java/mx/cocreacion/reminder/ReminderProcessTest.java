package mx.cocreacion.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import mx.cocreacion.security.AccountProvisioning;
import mx.cocreacion.security.Roles;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.ReminderJobs;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a reminder of an overdue task and the notice before its due date say and to whom: the send job of a task
 * (created here as the sweep creates it when it finds the task due, {@link ReminderJobs}) e-mails the candidate users
 * of the task's entidad (read back from an in-process SMTP server), escalates to the organismo garante and INAI from
 * the second reminder, leaves only when its transaction commits, and survives a mail server that is down (back-off,
 * incident, delivery after recovery). When the sweep creates the jobs: {@link ReminderSweeperTest}. Its own
 * application context and in-memory database, in a JVM of its own (tag {@code own-engine}, pom.xml).
 */
@Tag("own-engine")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cocreacion-reminders;DB_CLOSE_DELAY=-1")
class ReminderProcessTest extends ProcessTestSupport {

  /** Monday 6 January 2031, 10:00 in Mexico City. */
  static final Instant T0 = Instant.parse("2031-01-06T16:00:00Z");
  static final Duration WEEK = Duration.ofDays(7);
  static final String DEMO = "@demo.cocreacion.mx";

  @Autowired GreenMail smtp;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired ReminderRepository reminders;
  @Autowired DueDates dueDates;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AccountProvisioning accounts;

  @BeforeEach
  void emptyMailboxesAndFixTheClock() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClockAndMailServer() {
    ClockUtil.reset();
    mailSender.setPort(smtp.getSmtp().getPort());
  }

  @Test
  void anOverdueTaskRemindsItsCandidatesOncePerWeekAndEscalatesFromTheSecondReminder() throws Exception {
    ProcessInstance exercise = driver.start("cam");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    Instant due = T0.plus(Duration.ofDays(14)); // sign-declaration: P14D
    assertThat(task.getDueDate().toInstant()).isEqualTo(due);

    // 1. One hour after the due date: the first reminder, to the society members of Campeche only.
    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());

    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).contains("Firmar declaración conjunta").contains(exercise.getBusinessKey());
    assertThat(mail.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("no-responder@cocreacion.mx");
    assertThat((String) mail.getContent())
        .contains("«Firmar declaración conjunta: Sociedad civil»")
        .contains("«Ejercicio local de gobierno abierto» (" + exercise.getBusinessKey() + ")")
        .contains("entidad Campeche")
        .contains("venció el 20/01/2031 10:00")
        .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task.getId());

    List<Reminder> sent = reminders.findByTask(task.getId());
    assertThat(sent).singleElement().satisfies(r -> {
      assertThat(r.sequence()).isEqualTo(1);
      assertThat(r.escalated()).isFalse();
      assertThat(r.recipients()).containsExactly("cam-society" + DEMO);
      assertThat(r.exerciseId()).isEqualTo(exercise.getId());
      assertThat(r.taskKey()).isEqualTo("sign-declaration");
      assertThat(r.taskName()).isEqualTo("Firmar declaración conjunta: Sociedad civil");
      assertThat(r.dueDate()).isEqualTo(due);
      assertThat(r.sentAt()).isEqualTo(due.plus(Duration.ofHours(1)));
    });
    assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Recordatorio 1 enviado a: cam-society" + DEMO);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_REMINDERS_SENT)).isEqualTo(1);
    assertThat((String) runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_LAST_REMINDER))
        .startsWith("Recordatorio 1 de «Firmar declaración conjunta: Sociedad civil»");

    // 2. One week later: the second reminder, escalated to the organismo garante and INAI.
    smtp.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(due.plus(WEEK).plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());

    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO, "cam-guarantor" + DEMO, "inai-monitor" + DEMO));
    assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Recordatorio 2:");
    assertThat((String) smtp.getReceivedMessages()[0].getContent()).contains("supervisión nacional del INAI");
    assertThat(reminders.findByTask(task.getId())).hasSize(2).last().satisfies(r -> {
      assertThat(r.sequence()).isEqualTo(2);
      assertThat(r.escalated()).isTrue();
      assertThat(r.recipients()).containsExactlyInAnyOrder(
          "cam-society" + DEMO, "cam-guarantor" + DEMO, "inai-monitor" + DEMO);
    });
    assertThat(runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_REMINDERS_SENT)).isEqualTo(2);
    assertThat(reminders.findByExercise(exercise.getId())).hasSize(2);
  }

  /**
   * Three days before the due date the candidates get one notice that the task is coming due; it is no
   * reminder (not counted), so the first overdue reminder is still the first, to the candidates only.
   */
  @Test
  void theCandidatesAreToldThreeDaysBeforeTheDueDateOnce() throws Exception {
    ProcessInstance exercise = driver.start("cam");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    Instant due = T0.plus(Duration.ofDays(14)); // sign-declaration: P14D
    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5))));
    management.executeJob(noticeJob(task).getId());

    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).startsWith("Aviso: la tarea «Firmar declaración conjunta: Sociedad civil» vence el 20/01/2031 10:00");
    assertThat((String) mail.getContent()).contains("vence el 20/01/2031 10:00", "una sola vez",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task.getId());
    assertThat(mail.getHeader(ReminderMailer.REMINDER_HEADER, null)).isEqualTo(task.getId() + "/aviso");
    assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Aviso de vencimiento (vence el 20/01/2031 10:00) enviado a: cam-society" + DEMO);
    assertThat(reminders.findByTask(task.getId())).as("a notice is not a reminder").isEmpty();
    management.executeJob(noticeJob(task).getId());
    assertThat(smtp.getReceivedMessages()).as("one notice only").hasSize(1);

    smtp.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());
    assertThat(deliveries()).as("the first reminder, not escalated").isEqualTo(once("cam-society" + DEMO));
    assertThat(reminders.findByTask(task.getId())).singleElement().satisfies(r -> {
      assertThat(r.sequence()).isEqualTo(1);
      assertThat(r.escalated()).isFalse();
    });
  }

  @Test
  void noNoticeWhenTheDueDateWasMovedLater() throws Exception {
    ProcessInstance exercise = driver.startAtStep("oax", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Instant due = T0.plus(Duration.ofDays(30));
    task.setDueDate(Date.from(due.plus(Duration.ofDays(10))));
    tasks.saveTask(task);

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(5))));
    management.executeJob(noticeJob(task).getId());

    assertThat(deliveries()).isEmpty();
    assertThat(tasks.getTaskComments(task.getId())).isEmpty();
  }

  @Test
  void anAccountProvisionedOrWithdrawnCountsForTheVeryNextReminder() throws Exception {
    ProcessInstance exercise = driver.start("cam");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup(Roles.SOCIETY).singleResult();
    Instant due = T0.plus(Duration.ofDays(14));
    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());
    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO));

    // Recipients are cached for a minute, but an account the process provisions counts at once.
    String newcomer = accounts.provision("Ana Pérez",
        "recordatorio-" + UUID.randomUUID().toString().substring(0, 8) + "@ejemplo.mx", Roles.SOCIETY, "cam");
    try {
      smtp.purgeEmailFromAllMailboxes();
      ClockUtil.setCurrentTime(Date.from(due.plus(WEEK).plus(Duration.ofHours(1))));
      management.executeJob(reminderJob(task).getId());
      assertThat(deliveries()).containsEntry(newcomer, 1).containsEntry("cam-society" + DEMO, 1);
    } finally {
      accounts.withdraw(newcomer, Roles.SOCIETY, true, "cam", true);
    }

    // And so does one it withdraws.
    smtp.purgeEmailFromAllMailboxes();
    ClockUtil.setCurrentTime(Date.from(due.plus(WEEK.multipliedBy(2)).plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());
    assertThat(deliveries()).doesNotContainKey(newcomer).containsEntry("cam-society" + DEMO, 1);
  }

  @Test
  void aReminderSentLateIsOneReminderNotOnePerMissedWeek() throws Exception {
    ProcessInstance exercise = driver.startAtStep("oax", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Instant due = T0.plus(Duration.ofDays(30));

    // The job runs three weeks late (e.g. every node was down): one reminder, not four.
    ClockUtil.setCurrentTime(Date.from(due.plus(WEEK.multipliedBy(3)).plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());

    management.executeJob(reminderJob(task).getId());

    assertThat(deliveries()).isEqualTo(once("oax-guarantor" + DEMO));
    assertThat(reminders.findByTask(task.getId())).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
  }

  @Test
  void aDueDateMovedLaterInTasklistPostponesTheReminder() throws Exception {
    ProcessInstance exercise = driver.startAtStep("oax", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Instant due = T0.plus(Duration.ofDays(30));
    task.setDueDate(Date.from(due.plus(Duration.ofDays(10))));
    tasks.saveTask(task);

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());

    assertThat(deliveries()).as("not overdue yet").isEmpty();
    assertThat(reminders.findByTask(task.getId())).isEmpty();
    ClockUtil.setCurrentTime(Date.from(due.plus(WEEK).plus(WEEK).plus(Duration.ofHours(1))));
    management.executeJob(reminderJob(task).getId());
    assertThat(deliveries()).as("the first period after the new due date").isEqualTo(once("oax-guarantor" + DEMO));
    assertThat(reminders.findByTask(task.getId())).singleElement()
        .satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
  }

  @Test
  void aSendJobRunAMomentBeforeTheDueDateStillReminds() throws Exception {
    ProcessInstance exercise = driver.startAtStep("jal", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    // A node whose clock is 650 ms behind the one whose sweep found the task due (seen in ClusterTest).
    Instant due = T0.plus(Duration.ofDays(30));
    ClockUtil.setCurrentTime(Date.from(due.minusMillis(650)));

    management.executeJob(reminderJob(task).getId());

    assertThat(deliveries()).as("reminded now, not a week later").isEqualTo(once("jal-guarantor" + DEMO));
    assertThat(reminders.findByTask(task.getId())).singleElement().satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
  }

  @Test
  void theJobLogKeepsWhatASendJobDidButNotItsCreationOrDeletion() {
    ProcessInstance exercise = driver.startAtStep("cam", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Job first = reminderJob(task);
    assertThat(history.createHistoricJobLogQuery().jobId(first.getId()).list()).as("creation not logged").isEmpty();

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(1))));
    management.executeJob(first.getId());
    assertThat(history.createHistoricJobLogQuery().jobId(first.getId()).list()).singleElement()
        .satisfies(log -> assertThat(log.isSuccessLog()).as("the run is logged").isTrue());

    String next = reminderJob(task).getId();
    driver.complete(exercise, "conduct-outreach", TestVariables.conductOutreach());
    assertThat(management.createJobQuery().jobId(next).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().jobId(next).list()).as("neither creation nor deletion").isEmpty();

    // Other jobs are logged as before: the follow-up's timers from their creation on.
    driver.startAtStep("oax", 6);
    assertThat(history.createHistoricJobLogQuery().creationLog().list())
        .anySatisfy(log -> assertThat(log.getJobDefinitionType()).startsWith("timer-"));
  }

  @Test
  void theDeletionOfASendJobThatFailedIsLogged() throws Exception {
    ProcessInstance exercise = driver.startAtStep("jal", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    String jobId = reminderJob(task).getId();
    mailSender.setPort(closedPort());
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(1))));
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
    mailSender.setPort(smtp.getSmtp().getPort());

    driver.complete(exercise, "conduct-outreach", TestVariables.conductOutreach());

    assertThat(management.createJobQuery().jobId(jobId).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().jobId(jobId).list())
        .extracting(log -> log.isFailureLog() ? "failed" : log.isDeletionLog() ? "deleted" : "other")
        .containsExactly("failed", "deleted");
  }

  @Test
  void theEmailLeavesOnlyWhenTheReminderCommits() throws Exception {
    ProcessInstance exercise = driver.startAtStep("oax", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(30)).plus(Duration.ofHours(1))));
    String jobId = reminderJob(task).getId();

    // As on a cluster node that loses a conflict with another node (optimistic locking): the job ran,
    // but its transaction rolls back. Nothing may have been mailed, or the retry would mail it twice.
    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
      management.executeJob(jobId);
      tx.setRollbackOnly();
    });
    assertThat(smtp.getReceivedMessages()).as("no e-mail for a rolled-back reminder").isEmpty();
    assertThat(reminders.findByTask(task.getId())).isEmpty();
    assertThat(management.createJobQuery().jobId(jobId).count()).as("the reminder is still to do").isOne();

    management.executeJob(jobId);
    assertThat(deliveries()).isEqualTo(once("oax-guarantor" + DEMO));
    assertThat(smtp.getReceivedMessages()[0].getHeader(ReminderMailer.REMINDER_HEADER, null))
        .isEqualTo(task.getId() + "/1");
  }

  @Test
  void aMailServerThatIsDownMakesTheJobRetryWithBackOffThenAnIncidentUntilItIsBack() throws Exception {
    ProcessInstance exercise = driver.startAtStep("jal", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Instant due = T0.plus(Duration.ofDays(30));
    String jobId = reminderJob(task).getId();
    mailSender.setPort(closedPort());

    // First failure: nothing recorded, retried after the first interval of the back-off.
    Instant now = due.plus(Duration.ofHours(1));
    ClockUtil.setCurrentTime(Date.from(now));
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
    Job failed = management.createJobQuery().jobId(jobId).singleResult();
    int retries = failed.getRetries();
    assertThat(retries).as("retries left after the first failure").isEqualTo(4);
    assertThat(failed.getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(failed.getExceptionMessage()).isNotBlank();
    assertThat(history.createHistoricJobLogQuery().jobId(jobId).failureLog().count()).as("failures are logged").isOne();
    assertThat(reminders.findByTask(task.getId())).isEmpty();
    assertThat(tasks.getTaskComments(task.getId())).isEmpty();
    assertThat(runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_REMINDERS_SENT)).isNull();
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // Each retry fails again, waiting longer each time; the last one leaves an incident.
    List<Duration> backOff = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));
    for (Duration wait : backOff) {
      now = failed.getDuedate().toInstant();
      ClockUtil.setCurrentTime(Date.from(now));
      assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
      failed = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(failed.getRetries()).isEqualTo(--retries);
      assertThat(failed.getDuedate().toInstant()).isEqualTo(now.plus(wait));
    }
    assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
    ClockUtil.setCurrentTime(failed.getDuedate());
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
    assertThat(management.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
    Incident incident = runtime.createIncidentQuery().configuration(jobId).singleResult();
    assertThat(incident).as("incident in Cockpit").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getProcessInstanceId()).isEqualTo(task.getProcessInstanceId());
    assertThat(reminders.findByTask(task.getId())).isEmpty();

    // The mail server is back: a retry (Cockpit's "retry" = set retries) delivers the reminder.
    mailSender.setPort(smtp.getSmtp().getPort());
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);

    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(deliveries()).isEqualTo(once("jal-guarantor" + DEMO));
    assertThat(runtime.createIncidentQuery().configuration(jobId).count()).as("incident resolved").isZero();
    assertThat(reminders.findByTask(task.getId())).singleElement()
        .satisfies(r -> assertThat(r.sequence()).isEqualTo(1));
    assertThat(management.createJobQuery().jobId(jobId).count()).as("the send job is done").isZero();
  }

  /** A send job of the task's next reminder, as the sweep creates it when it finds the task overdue. */
  private Job reminderJob(Task task) {
    return ReminderJobs.reminderJob(engine, task);
  }

  /** A send job of the task's notice, as the sweep creates it when the task falls due within three days. */
  private Job noticeJob(Task task) {
    return ReminderJobs.noticeJob(engine, task);
  }

  /** E-mails delivered per mailbox (GreenMail keeps one copy per recipient). */
  private Map<String, Integer> deliveries() throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (GreenMailUser user : smtp.getUserManager().listUser()) {
      int count = smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
      if (count > 0) {
        counts.put(user.getEmail(), count);
      }
    }
    return counts;
  }

  private static Map<String, Integer> once(String... emails) {
    Map<String, Integer> expected = new TreeMap<>();
    for (String email : emails) {
      expected.put(email, 1);
    }
    return expected;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
