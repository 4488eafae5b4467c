package mx.cocreacion.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.history.JobState;
import org.springframework.stereotype.Component;

/**
 * The job log (history) of the reminder timers without their "created" and "deleted" entries.
 *
 * <p>Every user task has a reminder timer (a timeout task listener, job type
 * {@value TimerTaskListenerJobHandler#TYPE}): it is created with the task, deleted when the task is
 * completed, and re-created after each reminder for the next one. Camunda's full history logs each
 * of those as a row of {@code ACT_HI_JOB_LOG}: two rows per user task (48 statements of an
 * exercise's 2,300, README "Benchmark"), 60,000 rows a year at national scale that say nothing
 * the task's own history does not. What the timer did is kept: every run that succeeded or failed
 * (and so the retries and incidents of a mail server that is down). Every other job is logged as
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

  /** Whether {@code event} is the creation or deletion of a reminder timer (not logged). */
  static boolean skipped(HistoryEvent event) {
    return event instanceof HistoricJobLogEvent log
        && TimerTaskListenerJobHandler.TYPE.equals(log.getJobDefinitionType())
        && (log.getState() == JobState.CREATED.getStateCode() || log.getState() == JobState.DELETED.getStateCode());
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
