package mx.cocreacion.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The job log (history) of the reminder timers without their "created" and "deleted" entries.
 *
 * <p>Every user task has a reminder timer and a notice timer (timeout task listeners, job type
 * {@value TimerTaskListenerJobHandler#TYPE}): it is created with the task, deleted when the task is
 * completed, and re-created after each reminder for the next one. Camunda's full history logs each
 * of those as a row of {@code ACT_HI_JOB_LOG}: two rows per user task (48 statements of an
 * exercise's 2,300, docs/benchmark.md), 60,000 rows a year at national scale that say nothing
 * the task's own history does not. What the timer did is kept: every run that succeeded or failed
 * (and so the retries and incidents of a mail server that is down), and the deletion of a timer that
 * had failed, so its failures in Cockpit have an end. Every other job is logged as before. (Every
 * timeout task listener of this product's models is a reminder or the notice before the due date,
 * {@link DueSoonListener}; the model test checks it.) The sweeper design's send jobs ({@link ReminderSweep}) are
 * logged the same way, and its sweep job only when it fails.
 */
@Component
public class ReminderJobLogPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    // The engine's database handler is replaced by the same handler with the filter (initHistoryEventHandler).
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.getCustomHistoryEventHandlers().add(new WithoutReminderTimerLifecycle());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // Were the engine's own database handler switched back on (a generic property), every history
    // row would be written twice: refuse to start rather than fail on the first insert.
    if (configuration.getHistoryEventHandler() instanceof CompositeDbHistoryEventHandler
        || configuration.isEnableDefaultDbHistoryEventHandler()) {
      throw new IllegalStateException("ReminderJobLogPlugin: el manejador de historial de Camunda sigue activo "
          + "(enable-default-db-history-event-handler); el historial se escribiría dos veces");
    }
  }

  /** Whether {@code event} is the creation, or the deletion without failures, of a reminder timer (not logged). */
  static boolean skipped(HistoryEvent event) {
    if (!(event instanceof HistoricJobLogEvent log)) {
      return false;
    }
    if (ReminderSweep.SWEEP_TYPE.equals(log.getJobDefinitionType())) {
      // The sweeper's sweep (every minute): only its failures are logged.
      return log.getState() != JobState.FAILED.getStateCode();
    }
    if (!TimerTaskListenerJobHandler.TYPE.equals(log.getJobDefinitionType())
        && !ReminderSweep.SEND_TYPE.equals(log.getJobDefinitionType())) {
      return false;
    }
    return log.getState() == JobState.CREATED.getStateCode()
        || log.getState() == JobState.DELETED.getStateCode() && !failedBefore(log.getJobId());
  }

  /** Whether the job being deleted in this command had failed (its exception is on the job). */
  private static boolean failedBefore(String jobId) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getDbEntityManager().getCachedEntity(JobEntity.class, jobId);
    return job == null || job.getExceptionMessage() != null || job.getExceptionByteArrayId() != null;
  }

  /** Camunda's database history handler, without the reminder timers' creations and deletions. */
  static class WithoutReminderTimerLifecycle extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!skipped(event)) {
        super.handleEvent(event);
      }
    }
  }
}
