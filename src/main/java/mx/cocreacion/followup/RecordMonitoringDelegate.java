package mx.cocreacion.followup;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.AssessmentRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** After INAI's six-month monitoring: the exercise is marked as monitored (results are per commitment). */
@Component("recordMonitoringDelegate")
public class RecordMonitoringDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordMonitoringDelegate.class);

  private final AssessmentRepository assessments;

  public RecordMonitoringDelegate(AssessmentRepository assessments) {
    this.assessments = assessments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assessments.markMonitored(ExerciseScope.exerciseId(execution),
        ClockUtil.getCurrentTime().toInstant());
    LOG.info("Monitoreo INAI registrado: ejercicio {}", execution.getProcessBusinessKey());
  }
}
