package mx.cocreacion.declaration;

import static mx.cocreacion.declaration.DeclarationProcess.*;

import java.util.LinkedHashMap;
import mx.cocreacion.completion.EvidenceFiles;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskInput;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.exercise.Sector;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** sign-declaration: a non-blank signatory name and an explicit signature ({@code signed} = true). */
@Component
class SignDeclarationCompletion implements TaskCompletion {

  private final TaskMinutes minutes;
  private final EvidenceCapture evidence;

  SignDeclarationCompletion(TaskMinutes minutes, EvidenceCapture evidence) {
    this.minutes = minutes;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_SIGN_DECLARATION;
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_SIGNATORY_NAME);
    Boolean signed = input.bool(VAR_SIGNED);
    if (Boolean.FALSE.equals(signed)) {
      input.reject(VAR_SIGNED, "debe ser verdadero: la declaración conjunta se firma para continuar");
    }
    EvidenceFiles.check(input, VAR_DECLARATION_DOCUMENT, input.typed(VAR_DECLARATION_DOCUMENT));
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    var signature = new LinkedHashMap<String, Object>();
    signature.put("sector", task.getVariable(VAR_SECTOR));
    signature.put("signatoryName", input.optionalText(VAR_SIGNATORY_NAME));
    signature.put("signedAt", ClockUtil.getCurrentTime().toInstant().toString());
    signature.put("hasDocument", task.getVariable(VAR_DECLARATION_DOCUMENT) != null);
    minutes.record(task, RECORD_SIGNATURE, signature);
    String sector = (String) task.getVariable(VAR_SECTOR);
    evidence.file(task, "Declaración conjunta — firma de " + Sector.of(sector).map(Sector::label).orElse(sector),
        input.typed(VAR_DECLARATION_DOCUMENT));
  }
}
