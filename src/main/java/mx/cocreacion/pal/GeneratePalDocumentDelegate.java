package mx.cocreacion.pal;

import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.PalDocuments;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the PAL's validity is recorded: generates the PAL document (PDF) and publishes it as evidence of step 5. */
@Component("generatePalDocumentDelegate")
public class GeneratePalDocumentDelegate implements JavaDelegate {

  public static final String SOURCE = "Plan de Acción Local (PDF)";

  private final PalDocuments documents;
  private final EvidenceCapture evidence;

  public GeneratePalDocumentDelegate(PalDocuments documents, EvidenceCapture evidence) {
    this.documents = documents;
    this.evidence = evidence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    evidence.document(exerciseId, 5, SOURCE, documents.fileName("plan-de-accion-local", exerciseId),
        documents.palDocument(exerciseId));
  }
}
