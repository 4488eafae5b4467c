package mx.cocreacion.reminder;

import java.lang.reflect.Field;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.EverLivingJobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How reminders fall due (issue 19, docs/benchmark.md "Reminder design"): no timer per user task, one sweep for
 * the cluster.
 *
 * <ul>
 *   <li>The models have no timeout task listeners: a user task is not a scope of its own (no execution of its
 *       own). Versions deployed before (until 2026-12) still carry two per user task ({@code ${sendReminderListener}},
 *       {@code ${dueSoonListener}}, the retired design {@code timers}); a parse listener removes them and their timer
 *       declarations, so no reminder job is created with a task of a running instance of those versions either
 *       (their tasks stay scopes, as their running executions are).</li>
 *   <li>One ever-living job ({@value #SWEEP_JOB_ID}, type {@value #SWEEP_TYPE}, a fixed id: two nodes starting
 *       together end with one, the second insert fails on the key) runs every {@code cocreacion.reminders.sweep-every};
 *       the engine's job lock lets one node run it at a time. It finds by query the overdue tasks without a
 *       reminder in the last period and the tasks whose notice before the due date is due and not sent, leaving out
 *       those with a pending send job, at most {@code sweep-batch} per run (a full batch runs it again at once).</li>
 *   <li>For each it creates one message job ({@value #SEND_TYPE}, configuration {@code <task id>:reminder} or
 *       {@code <task id>:notice}) on the task's execution, process instance, definition and tenant: retries (the
 *       reminder retry cycle) and the incident are that task's alone, shown under its instance in Cockpit, and the
 *       job goes away with the execution (a task of an older version: its own scope execution; otherwise the process
 *       instance's or the multi-instance's execution, so a send job created just before the task was completed runs
 *       and finds no task).</li>
 *   <li>The send job runs {@link ReminderSender}, which checks again that the task is there, still due, and not
 *       reminded in the last period ({@code cc_reminder}) or not noticed yet ({@code cc_reminder_notice}).</li>
 * </ul>
 *
 * <p>The reminder timers a run in the retired design {@code timers} left are deleted at start-up.
 */
@Component
public class ReminderSweep extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);
  public static final String SWEEP_TYPE = "cc-reminder-sweep";
  public static final String SWEEP_JOB_ID = "cc-reminder-sweep";
  public static final String SEND_TYPE = "cc-reminder-send";
  public static final String REMINDER = "reminder";
  public static final String NOTICE = "notice";
  /** The delegate expressions of the timeout listeners of older versions, which the sweep replaces. */
  static final Set<String> REPLACED = Set.of("${sendReminderListener}", "${dueSoonListener}");

  private final ReminderProperties properties;
  private final ObjectProvider<ReminderSender> sender;
  private final ObjectProvider<JdbcClient> jdbc;

  public ReminderSweep(ReminderProperties properties, ObjectProvider<ReminderSender> sender,
      ObjectProvider<JdbcClient> jdbc) {
    this.properties = properties;
    this.sender = sender;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(new SendHandler());
    configuration.getCustomJobHandlers().add(new SweepHandler());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new WithoutReminderTimers());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequired().execute(command -> {
        JobEntity existing = command.getJobManager().findJobById(SWEEP_JOB_ID);
        deleteReminderTimers(command);
        if (existing == null) {
          EverLivingJobEntity sweep = new EverLivingJobEntity();
          sweep.setId(SWEEP_JOB_ID);
          sweep.setJobHandlerType(SWEEP_TYPE);
          sweep.setDuedate(ClockUtil.getCurrentTime());
          command.getJobManager().insertAndHintJobExecutor(sweep);
        }
        return null;
      });
    } catch (RuntimeException raced) {
      // Another node inserted it at the same moment (duplicate key): one sweep job, as wanted.
      boolean there = configuration.getCommandExecutorTxRequired()
          .execute(command -> command.getJobManager().findJobById(SWEEP_JOB_ID) != null);
      if (!there) {
        throw raced;
      }
      LOG.info("Recordatorios: el trabajo de barrido ya existía ({})", raced.getMessage());
    }
  }

  /**
   * The reminder and notice timers left from a run in the retired design {@code timers}: their listeners are gone
   * from the parsed models, so they would fail when due, and the sweep reminds their tasks instead.
   */
  private void deleteReminderTimers(CommandContext command) {
    List<String> left = jdbc.getObject().sql("""
            select ID_ from ACT_RU_JOB where HANDLER_TYPE_ = :type
              and (HANDLER_CFG_ like '%taskListener~TimeoutListener\\_Reminder\\_%' escape '\\'
                or HANDLER_CFG_ like '%taskListener~TimeoutListener\\_DueSoon\\_%' escape '\\')""")
        .param("type", TimerTaskListenerJobHandler.TYPE).query(String.class).list();
    for (String id : left) {
      JobEntity timer = command.getJobManager().findJobById(id);
      if (timer != null) {
        timer.delete();
      }
    }
    if (!left.isEmpty()) {
      LOG.info("Recordatorios: {} temporizadores del diseño timers borrados (el barrido los sustituye)", left.size());
    }
  }

  // ------------------------------------------------------------------ the parse listener

  /**
   * Removes the reminder and notice timeout listeners of a user task of an older version, with their timer
   * declarations. The task stays a scope (Camunda's parser made it one for the listeners): its running executions
   * were created so, and leaving a non-scope activity from a scope execution would not end that execution.
   */
  static class WithoutReminderTimers extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      Map<String, TaskListener> timeouts = timeoutListeners(behavior.getTaskDefinition());
      Map<String, Map<String, TimerDeclarationImpl>> declarations =
          activity.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
      Map<String, TimerDeclarationImpl> ofThisTask = declarations == null ? null : declarations.get(activity.getId());
      timeouts.entrySet().removeIf(listener -> {
        boolean replaced = listener.getValue() instanceof DelegateExpressionTaskListener expression
            && REPLACED.contains(expression.getExpressionText());
        if (replaced && ofThisTask != null) {
          ofThisTask.remove(listener.getKey());
        }
        return replaced;
      });
      if (ofThisTask != null && ofThisTask.isEmpty()) {
        declarations.remove(activity.getId());
      }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, TaskListener> timeoutListeners(TaskDefinition definition) {
      try {
        Field field = TaskDefinition.class.getDeclaredField("timeoutTaskListeners");
        field.setAccessible(true);
        return (Map<String, TaskListener>) field.get(definition);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("TaskDefinition#timeoutTaskListeners (Camunda 7.24)", e);
      }
    }
  }

  // ------------------------------------------------------------------ the sweep

  /** A task found by the sweep: what its send job needs. */
  record DueTask(String taskId, String executionId, String processInstanceId, String processDefinitionId,
      String tenantId, Instant dueDate, Instant created) {}

  /** The ever-living sweep job: finds what is due, creates the send jobs, reschedules itself. */
  class SweepHandler implements JobHandler<Configuration> {

    @Override
    public String getType() {
      return SWEEP_TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext command, String tenantId) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      int batch = properties.sweepBatch();
      List<DueTask> reminders = overdue(now, batch);
      List<DueTask> notices = reminders.size() < batch ? dueSoon(now, batch - reminders.size()) : List.of();
      // The deployment cache reads the definition's row before it answers: once per definition and sweep.
      Map<String, ProcessDefinitionEntity> definitions = new HashMap<>();
      for (DueTask task : reminders) {
        send(command, task, REMINDER, definitions);
      }
      for (DueTask task : notices) {
        send(command, task, NOTICE, definitions);
      }
      boolean full = reminders.size() + notices.size() >= batch;
      JobEntity self = command.getCurrentJob();
      if (self != null) {
        self.setDuedate(Date.from(full ? now : now.plus(properties.sweepEvery())));
        // An ever-living job keeps its lock after it ran (EverLivingJobEntity#postExecute): free it, or the next
        // sweep would wait for the lock to expire (lock-time-in-millis, 5 minutes).
        self.setLockOwner(null);
        self.setLockExpirationTime(null);
      }
      if (!reminders.isEmpty() || !notices.isEmpty()) {
        LOG.info("Barrido de recordatorios: {} recordatorios y {} avisos por enviar{}", reminders.size(), notices.size(),
            full ? " (lote lleno: otro barrido enseguida)" : "");
      }
    }

    /** Overdue tasks without a reminder in the last period and without a pending send job. */
    private List<DueTask> overdue(Instant now, int limit) {
      Instant since = DueDates.minus(now, properties.period());
      return jdbc.getObject().sql("""
              select t.ID_, t.EXECUTION_ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_, t.TENANT_ID_, t.DUE_DATE_, t.CREATE_TIME_
              from ACT_RU_TASK t
              where t.DUE_DATE_ <= :now and t.PROC_INST_ID_ is not null and t.SUSPENSION_STATE_ = 1
                and not exists (select 1 from cc_reminder r where r.task_id = t.ID_ and r.sent_at > :since)
                and not exists (select 1 from ACT_RU_JOB j where j.HANDLER_TYPE_ = :type
                                and j.HANDLER_CFG_ = t.ID_ || ':reminder')
              order by t.DUE_DATE_, t.ID_
              fetch first :limit rows only""")
          .param("now", Timestamp.from(now)).param("since", Timestamp.from(since)).param("type", SEND_TYPE)
          .param("limit", limit).query(ReminderSweep::dueTask).list();
    }

    /**
     * Tasks falling due within {@code before-due} whose notice was not sent and has no pending send job. A task
     * created closer to its due date than that gets no notice (as its notice timer would fall on the due date).
     */
    private List<DueTask> dueSoon(Instant now, int limit) {
      if (DueDates.plus(now, properties.beforeDue()).equals(now)) {
        return List.of(); // before-due P0D: no notices
      }
      Instant soon = now.plus(ReminderSender.CLOCK_SKEW);
      List<DueTask> found = jdbc.getObject().sql("""
              select t.ID_, t.EXECUTION_ID_, t.PROC_INST_ID_, t.PROC_DEF_ID_, t.TENANT_ID_, t.DUE_DATE_, t.CREATE_TIME_
              from ACT_RU_TASK t
              where t.DUE_DATE_ > :soon and t.DUE_DATE_ <= :until and t.PROC_INST_ID_ is not null
                and t.SUSPENSION_STATE_ = 1
                and not exists (select 1 from cc_reminder_notice n where n.task_id = t.ID_)
                and not exists (select 1 from ACT_RU_JOB j where j.HANDLER_TYPE_ = :type
                                and j.HANDLER_CFG_ = t.ID_ || ':notice')
              order by t.DUE_DATE_, t.ID_
              fetch first :limit rows only""")
          .param("soon", Timestamp.from(soon)).param("until", Timestamp.from(DueDates.plus(soon, properties.beforeDue())))
          .param("type", SEND_TYPE).param("limit", limit).query(ReminderSweep::dueTask).list();
      return found.stream()
          .filter(t -> t.created() == null || DueDates.minus(t.dueDate(), properties.beforeDue()).isAfter(t.created()))
          .toList();
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
      return new Configuration(canonicalString);
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity jobEntity) {
      // nothing
    }
  }

  /** One task's send job ({@code kind} {@value #REMINDER} or {@value #NOTICE}) on its execution, instance and tenant. */
  private static JobEntity send(CommandContext command, DueTask task, String kind,
      Map<String, ProcessDefinitionEntity> definitions) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(SEND_TYPE);
    job.setJobHandlerConfigurationRaw(task.taskId() + ":" + kind);
    job.setExecutionId(task.executionId());
    job.setProcessInstanceId(task.processInstanceId());
    job.setProcessDefinitionId(task.processDefinitionId());
    job.setTenantId(task.tenantId());
    ProcessDefinitionEntity definition = definitions.computeIfAbsent(task.processDefinitionId(),
        id -> command.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id));
    if (definition != null) {
      job.setProcessDefinitionKey(definition.getKey());
      job.setDeploymentId(definition.getDeploymentId());
    }
    // Straight into the job table: no load of the task's execution (the job is found and deleted with it when the
    // execution ends).
    command.getJobManager().insertAndHintJobExecutor(job);
    return job;
  }

  /**
   * Creates one task's send job now, as a sweep does for a task it finds due, without waiting for the sweep (the tests
   * use it: {@code TaskTimers}, {@code ReminderSweeperTest}; nothing in the product calls it). The send job still
   * checks that the task is due.
   */
  public static String scheduleSend(ProcessEngineConfigurationImpl configuration, String taskId, String kind) {
    return configuration.getCommandExecutorTxRequired().execute(command -> {
      TaskEntity task = command.getTaskManager().findTaskById(taskId);
      if (task == null) {
        throw new IllegalArgumentException("No existe la tarea " + taskId);
      }
      DueTask due = new DueTask(task.getId(), task.getExecutionId(), task.getProcessInstanceId(),
          task.getProcessDefinitionId(), task.getTenantId(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getCreateTime().toInstant());
      return send(command, due, kind, new HashMap<>()).getId();
    });
  }

  private static DueTask dueTask(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp due = rs.getTimestamp(6);
    Timestamp created = rs.getTimestamp(7);
    return new DueTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        due == null ? null : due.toInstant(), created == null ? null : created.toInstant());
  }

  // ------------------------------------------------------------------ the send job

  /** One task's reminder or notice ({@code <task id>:reminder|notice}), through {@link ReminderSender}. */
  class SendHandler implements JobHandler<Configuration> {

    @Override
    public String getType() {
      return SEND_TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext command, String tenantId) {
      String raw = configuration.toCanonicalString();
      int colon = raw.lastIndexOf(':');
      String taskId = raw.substring(0, colon);
      String kind = raw.substring(colon + 1);
      TaskEntity task = command.getTaskManager().findTaskById(taskId);
      if (task == null) {
        LOG.info("Tarea {} ya no existe: sin {}", taskId, kind);
        return;
      }
      Instant now = ClockUtil.getCurrentTime().toInstant();
      if (NOTICE.equals(kind)) {
        sender.getObject().notice(task, now);
      } else {
        sender.getObject().remind(task, now);
      }
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
      return new Configuration(canonicalString);
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity jobEntity) {
      // nothing
    }
  }

  /** A job's configuration as it is stored. */
  record Configuration(String value) implements JobHandlerConfiguration {

    @Override
    public String toCanonicalString() {
      return value;
    }
  }
}
