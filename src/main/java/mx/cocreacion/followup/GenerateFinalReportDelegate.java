package mx.cocreacion.followup;

import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.PalDocuments;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the evaluation is recorded: generates the final report (PDF) and publishes it as evidence of step 6. */
@Component("generateFinalReportDelegate")
public class GenerateFinalReportDelegate implements JavaDelegate {

  public static final String SOURCE = "Informe final (PDF)";

  private final PalDocuments documents;
  private final EvidenceCapture evidence;

  public GenerateFinalReportDelegate(PalDocuments documents, EvidenceCapture evidence) {
    this.documents = documents;
    this.evidence = evidence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    evidence.document(exerciseId, 6, SOURCE, documents.fileName("informe-final", exerciseId),
        documents.finalReport(exerciseId));
  }
}
