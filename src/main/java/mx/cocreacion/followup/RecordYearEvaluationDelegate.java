package mx.cocreacion.followup;

import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.PalDocuments;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.EvaluationRoundRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After INAI's yearly evaluation (recorded by its completion): generates the report of that year of
 * implementation (PDF) and publishes it as evidence of step 6.
 */
@Component("recordYearEvaluationDelegate")
public class RecordYearEvaluationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordYearEvaluationDelegate.class);

  private final EvaluationRoundRepository rounds;
  private final PalDocuments documents;
  private final EvidenceCapture evidence;

  public RecordYearEvaluationDelegate(EvaluationRoundRepository rounds, PalDocuments documents, EvidenceCapture evidence) {
    this.rounds = rounds;
    this.documents = documents;
    this.evidence = evidence;
  }

  /** The evidence's source: «Informe de evaluación del año 1 de implementación (PDF)». */
  public static String source(int year) {
    return "Informe de evaluación del año " + year + " de implementación (PDF)";
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    int year = rounds.yearsEvaluated(exerciseId);
    evidence.document(exerciseId, 6, source(year), documents.fileName("informe-evaluacion-anio-" + year, exerciseId),
        documents.yearReport(exerciseId, year));
    LOG.info("Evaluación anual INAI registrada: ejercicio {}, año {}", execution.getProcessBusinessKey(), year);
  }
}
