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
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The job log (history) of the reminder jobs without their "created" and "deleted" entries.
 *
 * <p>The sweep ({@link ReminderSweep}) creates one send job per task and reminder; the job is deleted after it ran.
 * Camunda's full history logs the creation and the deletion as rows of {@code ACT_HI_JOB_LOG} that say nothing the
 * task's own history and {@code cc_reminder} do not (when reminders were a timer per task, two rows per user task,
 * 60,000 a year at national scale). What the job did is kept: every run that succeeded or failed (and so the retries
 * and incidents of a mail server that is down), and the deletion of a job that had failed, so its failures in
 * Cockpit have an end. The sweep job (every minute) is logged only when it fails. Every other job is logged as
 * before.
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

  /** Whether {@code event} is the creation, or the deletion without failures, of a send job (not logged). */
  static boolean skipped(HistoryEvent event) {
    if (!(event instanceof HistoricJobLogEvent log)) {
      return false;
    }
    if (ReminderSweep.SWEEP_TYPE.equals(log.getJobDefinitionType())) {
      // The sweeper's sweep (every minute): only its failures are logged.
      return log.getState() != JobState.FAILED.getStateCode();
    }
    if (!ReminderSweep.SEND_TYPE.equals(log.getJobDefinitionType())) {
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

  /** Camunda's database history handler, without the send jobs' creations and deletions. */
  static class WithoutReminderTimerLifecycle extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!skipped(event)) {
        super.handleEvent(event);
      }
    }
  }
}
