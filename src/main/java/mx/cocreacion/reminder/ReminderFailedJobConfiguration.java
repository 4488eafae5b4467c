package mx.cocreacion.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.DefaultFailedJobParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaFailedJobConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Back-off for the reminder jobs ({@code cocreacion.reminders.retry-cycle}, e.g.
 * {@code PT1M,PT5M,PT15M,PT1H}).
 *
 * <p>Camunda 7.24 applies a failed-job retry time cycle only to the job types listed in
 * {@link DefaultJobRetryCmd#SUPPORTED_TYPES} (async continuations and timer events); any other job type gets the
 * default strategy (3 attempts, retried at once). This replaces the Spring Boot starter's
 * {@code DefaultFailedJobConfiguration} (same parse listener, same engine retry command) and only adds the
 * configured cycle for the sweep's send jobs ({@value ReminderSweep#SEND_TYPE}), then their incident (that task's
 * alone, in Cockpit); every other job keeps Camunda's behaviour. A send job whose execution is gone (the task was
 * completed while the sweep created it) is deleted instead of retried. The sweep job itself never ends in an
 * incident, which would stop every reminder: it is retried after {@code sweep-every} with its retries restored, the
 * failure shown on the job in Cockpit.
 */
@Component
public class ReminderFailedJobConfiguration extends AbstractCamundaConfiguration
    implements CamundaFailedJobConfiguration {

  private final ReminderProperties properties;

  public ReminderFailedJobConfiguration(ReminderProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DefaultFailedJobParseListener());
    String cycle = properties.retryCycle();
    configuration.setFailedJobCommandFactory((jobId, exception) -> new ReminderJobRetryCmd(jobId, exception, cycle, properties.sweepEvery()));
  }

  /** Camunda's retry command, with the reminder cycle for the send jobs. */
  static class ReminderJobRetryCmd extends DefaultJobRetryCmd {

    private final String cycle;
    private final java.time.Duration sweepEvery;

    ReminderJobRetryCmd(String jobId, Throwable exception, String cycle, java.time.Duration sweepEvery) {
      super(jobId, exception);
      this.cycle = cycle;
      this.sweepEvery = sweepEvery;
    }

    private static boolean isSendJob(JobEntity job) {
      return job != null && ReminderSweep.SEND_TYPE.equals(job.getJobHandlerType());
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job != null && ReminderSweep.SWEEP_TYPE.equals(job.getJobHandlerType())) {
        job.unlock();
        logException(job);
        job.setDuedate(java.util.Date.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
            .plus(sweepEvery)));
        notifyAcquisition(commandContext);
        return null;
      }
      if (isSendJob(job) && job.getExecutionId() != null
          && commandContext.getExecutionManager().findExecutionById(job.getExecutionId()) == null) {
        job.delete();
        return null;
      }
      if (!isSendJob(job)) {
        return super.execute(commandContext);
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      if (isSendJob(job)) {
        return ParseUtil.parseRetryIntervals(cycle);
      }
      return super.getFailedJobRetryConfiguration(job, activity);
    }
  }
}
