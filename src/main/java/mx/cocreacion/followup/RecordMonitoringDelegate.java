package mx.cocreacion.followup;

import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.PalDocuments;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.AssessmentRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After INAI's six-month monitoring: the exercise is marked as monitored (results are per commitment) and the
 * monitoring report (PDF) is published as evidence of step 6.
 */
@Component("recordMonitoringDelegate")
public class RecordMonitoringDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordMonitoringDelegate.class);

  public static final String SOURCE = "Informe de monitoreo (PDF)";

  private final AssessmentRepository assessments;
  private final PalDocuments documents;
  private final EvidenceCapture evidence;

  public RecordMonitoringDelegate(AssessmentRepository assessments, PalDocuments documents, EvidenceCapture evidence) {
    this.assessments = assessments;
    this.documents = documents;
    this.evidence = evidence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    assessments.markMonitored(exerciseId, ClockUtil.getCurrentTime().toInstant());
    evidence.document(exerciseId, 6, SOURCE, documents.fileName("informe-de-monitoreo", exerciseId),
        documents.monitoringReport(exerciseId));
    LOG.info("Monitoreo INAI registrado: ejercicio {}", execution.getProcessBusinessKey());
  }
}
