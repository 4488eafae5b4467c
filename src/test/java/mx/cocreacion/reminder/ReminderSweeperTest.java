package mx.cocreacion.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

/**
 * When reminders fall due ({@link ReminderSweep}): no timer on the user tasks (nor an execution of their own); the
 * sweep job finds what is due and creates one send job per task: one reminder per task per period, the notice once,
 * nothing after completion, a failing mail server retried then an incident on that task's send job alone, and the
 * tasks of a version deployed with the retired reminder timers reminded the same way. What a reminder says and to
 * whom: {@link ReminderProcessTest}. Its own application context and in-memory database (the sweep looks at every
 * task of the database), in a JVM of its own (tag {@code own-engine}, pom.xml: Camunda registers the engine
 * {@code default} once per JVM).
 */
@Tag("own-engine")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cocreacion-sweeper;DB_CLOSE_DELAY=-1")
class ReminderSweeperTest extends ProcessTestSupport {

  static final Instant T0 = ReminderProcessTest.T0;
  static final Duration WEEK = Duration.ofDays(7);
  static final String DEMO = "@demo.cocreacion.mx";

  @Autowired GreenMail smtp;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired ReminderRepository reminders;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ReminderSweep sweep;
  @Autowired RepositoryService repository;

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
  void userTasksHaveNoTimersAndTheClusterHasOneSweepJob() {
    ProcessInstance exercise = driver.startAtStep("cam", 2);
    Task task = driver.task(exercise, "conduct-outreach");

    assertThat(management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().count())
        .as("no reminder or notice timer").isZero();
    assertThat(task.getExecutionId()).as("no execution of its own: the task is not a scope")
        .isEqualTo(task.getProcessInstanceId());
    assertThat(management.createJobQuery().list()).filteredOn(j -> ReminderSweep.SWEEP_TYPE.equals(type(j)))
        .singleElement().satisfies(j -> assertThat(j.getId()).isEqualTo(ReminderSweep.SWEEP_JOB_ID));

    sweepAt(T0.plus(Duration.ofDays(1)));
    assertThat(sendJobs(task)).as("nothing due a day after creation").isEmpty();
    assertThat(management.createJobQuery().jobId(ReminderSweep.SWEEP_JOB_ID).singleResult().getDuedate().toInstant())
        .as("the sweep comes again after sweep-every").isEqualTo(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
  }

  @Test
  void anOverdueTaskGetsOneReminderPerPeriodEvenWhenTheSweepRunsOftenOrTwice() throws Exception {
    ProcessInstance exercise = driver.start("cam");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    Instant due = T0.plus(Duration.ofDays(14));

    // One hour after the due date: one send job, however often the sweep runs before it is done.
    sweepAt(due.plus(Duration.ofHours(1)));
    sweepAt(due.plus(Duration.ofHours(1)).plusSeconds(30));
    List<Job> jobs = sendJobs(task);
    assertThat(jobs).singleElement().satisfies(job -> {
      assertThat(((JobEntity) job).getJobHandlerConfigurationRaw()).isEqualTo(task.getId() + ":reminder");
      assertThat(job.getProcessInstanceId()).isEqualTo(task.getProcessInstanceId());
      assertThat(job.getExecutionId()).isEqualTo(task.getExecutionId());
      assertThat(job.getProcessDefinitionId()).isEqualTo(task.getProcessDefinitionId());
      assertThat(job.getTenantId()).isEqualTo("cam");
    });
    // As if two sweeps had both created it (or a node died after sending and its job ran again).
    String twin = duplicate(jobs.get(0));
    management.executeJob(jobs.get(0).getId());
    management.executeJob(twin);

    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO));
    assertThat(reminders.findByTask(task.getId())).singleElement().satisfies(r -> {
      assertThat(r.sequence()).isEqualTo(1);
      assertThat(r.escalated()).isFalse();
      assertThat(r.dueDate()).isEqualTo(due);
    });
    assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Recordatorio 1 enviado a: cam-society" + DEMO);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_REMINDERS_SENT)).isEqualTo(1);

    // Later in the same period: nothing more.
    sweepAt(due.plus(Duration.ofDays(6)));
    assertThat(sendJobs(task)).isEmpty();

    // A period after the first reminder (sent at due + 1 h 30 s): the second one, escalated.
    smtp.purgeEmailFromAllMailboxes();
    sweepAt(due.plus(WEEK).plus(Duration.ofHours(1)));
    assertThat(sendJobs(task)).as("one period after the first reminder, not after the due date").isEmpty();
    sweepAt(due.plus(WEEK).plus(Duration.ofHours(1)).plusSeconds(31));
    runSendJobs(task);
    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO, "cam-guarantor" + DEMO, "inai-monitor" + DEMO));
    assertThat(reminders.findByTask(task.getId())).extracting(Reminder::sequence).containsExactly(1, 2);
    assertThat(runtime.getVariable(task.getProcessInstanceId(), ReminderSender.VAR_REMINDERS_SENT)).isEqualTo(2);
  }

  @Test
  void theNoticeBeforeTheDueDateGoesOnceAndIsNoReminder() throws Exception {
    ProcessInstance exercise = driver.start("cam");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    Instant due = T0.plus(Duration.ofDays(14));

    sweepAt(due.minus(Duration.ofDays(4)));
    assertThat(sendJobs(task)).as("not yet").isEmpty();
    sweepAt(due.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
    assertThat(sendJobs(task)).singleElement()
        .satisfies(j -> assertThat(((JobEntity) j).getJobHandlerConfigurationRaw()).isEqualTo(task.getId() + ":notice"));
    runSendJobs(task);

    assertThat(deliveries()).isEqualTo(once("cam-society" + DEMO));
    assertThat(smtp.getReceivedMessages()[0].getHeader(ReminderMailer.REMINDER_HEADER, null)).isEqualTo(task.getId() + "/aviso");
    assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .containsExactly("Aviso de vencimiento (vence el 20/01/2031 10:00) enviado a: cam-society" + DEMO);
    assertThat(reminders.findByTask(task.getId())).as("a notice is not a reminder").isEmpty();
    sweepAt(due.minus(Duration.ofDays(1)));
    assertThat(sendJobs(task)).as("one notice only").isEmpty();

    smtp.purgeEmailFromAllMailboxes();
    sweepAt(due.plus(Duration.ofHours(1)));
    runSendJobs(task);
    assertThat(deliveries()).as("the first reminder, not escalated").isEqualTo(once("cam-society" + DEMO));
  }

  @Test
  void nothingIsSentAfterTheTaskIsCompleted() throws Exception {
    ProcessInstance exercise = driver.startAtStep("cam", 2);
    Task task = driver.task(exercise, "conduct-outreach");
    Instant due = T0.plus(Duration.ofDays(30));
    sweepAt(due.plus(Duration.ofHours(1)));
    runSendJobs(task);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    sweepAt(due.plus(WEEK).plus(Duration.ofHours(1)));
    String pending = sendJobs(task).get(0).getId();

    driver.complete(exercise, "conduct-outreach", TestVariables.conductOutreach());

    assertThat(management.createJobQuery().jobId(pending).count()).as("gone with the task's execution").isZero();
    sweepAt(due.plus(WEEK.multipliedBy(3)));
    assertThat(sendJobs(task)).isEmpty();
    assertThat(smtp.getReceivedMessages()).as("no reminder after completion").hasSize(1);
    assertThat(reminders.findByTask(task.getId())).hasSize(1);
  }

  @Test
  void aFailingMailServerRetriesThenAnIncidentOnThatTasksSendJobAlone() throws Exception {
    ProcessInstance exercise = driver.start("jal");
    List<Task> sectors = tasks.createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").list();
    assertThat(sectors).hasSizeGreaterThan(1);
    Task failing = sectors.get(0);
    Task other = sectors.get(1);
    Instant due = T0.plus(Duration.ofDays(14));
    sweepAt(due.plus(Duration.ofHours(1)));
    String jobId = sendJobs(failing).get(0).getId();
    mailSender.setPort(closedPort());

    Instant now = due.plus(Duration.ofHours(1));
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
    Job failed = management.createJobQuery().jobId(jobId).singleResult();
    int retries = failed.getRetries();
    assertThat(retries).as("the reminder retry cycle: 4 retries").isEqualTo(4);
    assertThat(failed.getDuedate().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(1)));
    assertThat(reminders.findByTask(failing.getId())).isEmpty();
    for (Duration wait : List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))) {
      now = failed.getDuedate().toInstant();
      ClockUtil.setCurrentTime(Date.from(now));
      assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
      failed = management.createJobQuery().jobId(jobId).singleResult();
      assertThat(failed.getRetries()).isEqualTo(--retries);
      assertThat(failed.getDuedate().toInstant()).isEqualTo(now.plus(wait));
    }
    ClockUtil.setCurrentTime(failed.getDuedate());
    assertThatThrownBy(() -> management.executeJob(jobId)).hasStackTraceContaining("Mail server connection failed");
    Incident incident = runtime.createIncidentQuery().configuration(jobId).singleResult();
    assertThat(incident).as("incident in Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).as("what INAI reads in Cockpit")
        .startsWith("No se pudo enviar el recordatorio 1 de la tarea «" + failing.getName() + "» (Jalisco) a ")
        .contains("falló el servidor de correo (Mail server connection failed");
    assertThat(incident.getProcessInstanceId()).isEqualTo(failing.getProcessInstanceId());
    assertThat(incident.getTenantId()).isEqualTo("jal");
    assertThat(runtime.createIncidentQuery().processInstanceId(failing.getProcessInstanceId()).count())
        .as("that task's send job alone").isOne();

    // A sweep while the incident is open creates no second job for that task; the other task's reminder goes out.
    mailSender.setPort(smtp.getSmtp().getPort());
    sweepAt(ClockUtil.getCurrentTime().toInstant().plusSeconds(60));
    assertThat(sendJobs(failing)).extracting(Job::getId).containsExactly(jobId);
    runSendJobs(other);
    assertThat(reminders.findByTask(other.getId())).hasSize(1);
    assertThat(smtp.getReceivedMessages()).isNotEmpty();
    assertThat(reminders.findByTask(failing.getId())).isEmpty();

    // Cockpit's retry delivers it.
    management.setJobRetries(jobId, 1);
    management.executeJob(jobId);
    assertThat(reminders.findByTask(failing.getId())).hasSize(1);
    assertThat(runtime.createIncidentQuery().configuration(jobId).count()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void reminderTimersLeftByTheRetiredTimersDesignAreDeletedAtStartUp() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> left = configuration.getCommandExecutorTxRequired().execute(command -> {
      List<String> ids = new java.util.ArrayList<>();
      for (String listener : List.of("TimeoutListener_Reminder_conduct-outreach", "TimeoutListener_DueSoon_conduct-outreach",
          "TimeoutListener_Other")) {
        TimerEntity timer = new TimerEntity();
        timer.setJobHandlerType(TimerTaskListenerJobHandler.TYPE);
        timer.setJobHandlerConfigurationRaw("conduct-outreach$taskListener~" + listener);
        timer.setDuedate(Date.from(T0.plus(WEEK)));
        command.getJobManager().insertJob(timer);
        ids.add(timer.getId());
      }
      return ids;
    });

    sweep.postProcessEngineBuild(engine); // what a node does when it starts

    assertThat(left.stream().map(id -> management.createJobQuery().jobId(id).count()))
        .as("the reminder and notice timers are gone, another timeout listener's timer stays").containsExactly(0L, 0L, 1L);
    management.deleteJob(left.get(2));
    assertThat(management.createJobQuery().jobId(ReminderSweep.SWEEP_JOB_ID).count()).as("one sweep job").isEqualTo(1);
  }

  /**
   * A version deployed before the timeout listeners left the models (until 2026-12: two per user task): its tasks
   * get no timer, stay scopes as its running instances' executions are, are reminded by the sweep, and complete.
   */
  @Test
  void aVersionWithReminderTimersInItsModelIsRemindedByTheSweepAndCompletes() throws Exception {
    String deployment = repository.createDeployment().name("outreach 2026-12, reminder timers in the model")
        .addClasspathResource("old-versions/outreach-with-reminder-timers.bpmn").deploy().getId();
    try {
      ProcessInstance exercise = driver.startAtStep("cam", 2);
      Task task = driver.task(exercise, "conduct-outreach");
      assertThat(repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId())
          .as("the task of the older version").isEqualTo(deployment);
      assertThat(management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().count())
          .as("its timeout listeners are removed when it is parsed").isZero();
      assertThat(task.getExecutionId()).as("a scope, as when the version was deployed")
          .isNotEqualTo(task.getProcessInstanceId());

      Instant due = T0.plus(Duration.ofDays(30));
      sweepAt(due.plus(Duration.ofHours(1)));
      assertThat(sendJobs(task)).singleElement()
          .satisfies(job -> assertThat(job.getExecutionId()).isEqualTo(task.getExecutionId()));
      runSendJobs(task);
      assertThat(deliveries()).isEqualTo(once("cam-guarantor" + DEMO));
      sweepAt(due.plus(WEEK).plus(Duration.ofHours(2)));
      String pending = sendJobs(task).get(0).getId();

      driver.complete(exercise, "conduct-outreach", TestVariables.conductOutreach());

      assertThat(management.createJobQuery().jobId(pending).count()).as("gone with the task's execution").isZero();
      assertThat(driver.step(exercise, "stl-integration")).as("the exercise goes on to step 3").isNotNull();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private void sweepAt(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
    management.executeJob(ReminderSweep.SWEEP_JOB_ID);
  }

  private static String type(Job job) {
    return ((JobEntity) job).getJobHandlerType();
  }

  /** The pending send jobs of the task. */
  private List<Job> sendJobs(Task task) {
    return management.createJobQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
        .filter(j -> ReminderSweep.SEND_TYPE.equals(type(j))
            && ((JobEntity) j).getJobHandlerConfigurationRaw().startsWith(task.getId() + ":"))
        .toList();
  }

  private void runSendJobs(Task task) {
    for (Job job : sendJobs(task)) {
      management.executeJob(job.getId());
    }
    assertThat(sendJobs(task)).isEmpty();
  }

  /** A second send job like {@code job}, as a sweep that ran twice would create it. */
  private String duplicate(Job job) {
    String configuration = ((JobEntity) job).getJobHandlerConfigurationRaw(); // <task id>:<kind>
    int colon = configuration.lastIndexOf(':');
    return ReminderSweep.scheduleSend((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
        configuration.substring(0, colon), configuration.substring(colon + 1));
  }

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
