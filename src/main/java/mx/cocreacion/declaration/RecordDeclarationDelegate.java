package mx.cocreacion.declaration;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.RecordRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** After the three sectors signed: records the joint Declaration as signed (the exercise starts). */
@Component("recordDeclarationDelegate")
public class RecordDeclarationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordDeclarationDelegate.class);

  private final RecordRepository records;

  public RecordDeclarationDelegate(RecordRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String exerciseId = ExerciseScope.exerciseId(execution);
    int signatures = records.payloads(exerciseId, DeclarationProcess.RECORD_SIGNATURE).size();
    var now = ClockUtil.getCurrentTime().toInstant();
    records.add(exerciseId, DeclarationProcess.RECORD_DECLARATION, null, null, now,
        "{\"signedAt\":\"" + now + "\",\"signatures\":" + signatures + "}");
    LOG.info("Declaración conjunta firmada: ejercicio {} ({} firmas)", execution.getProcessBusinessKey(), signatures);
    execution.setVariable("declarationSignedAt", java.util.Date.from(now));
  }
}
