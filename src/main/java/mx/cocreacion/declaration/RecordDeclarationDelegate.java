package mx.cocreacion.declaration;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** After the three sectors signed: records the joint Declaration as signed on the day of its last signature. */
@Component("recordDeclarationDelegate")
public class RecordDeclarationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordDeclarationDelegate.class);

  private final RecordRepository records;
  private final ExerciseRepository exercises;

  public RecordDeclarationDelegate(RecordRepository records, ExerciseRepository exercises) {
    this.records = records;
    this.exercises = exercises;
  }

  /** The declaration is signed on the day of its last signature; that day goes to the plan of record. */
  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String exerciseId = ExerciseScope.exerciseId(execution);
    List<String> signatures = records.payloads(exerciseId, DeclarationProcess.RECORD_SIGNATURE);
    var now = ClockUtil.getCurrentTime().toInstant();
    LocalDate signed = signatures.stream().map(RecordDeclarationDelegate::signedOn).flatMap(Optional::stream)
        .max(Comparator.naturalOrder()).orElse(Dates.localDate(now));
    records.add(exerciseId, DeclarationProcess.RECORD_DECLARATION, null, null, now,
        "{\"signedAt\":\"" + signed + "\",\"signatures\":" + signatures.size() + "}");
    Instant signedAt = signed.atStartOfDay(Dates.MEXICO).toInstant();
    exercises.recordDeclarationDate(exerciseId, signedAt);
    LOG.info("Declaración conjunta firmada: ejercicio {} ({} firmas, {})", execution.getProcessBusinessKey(),
        signatures.size(), signed);
    execution.setVariable("declarationSignedAt", Date.from(signedAt));
  }

  /** The day one signature says it was signed ({@code signedAt} of its minutes). */
  private static Optional<LocalDate> signedOn(String signature) {
    try {
      return Dates.parse(TaskInput.mapper().readTree(signature).path("signedAt").asText(null)).map(Dates::localDate);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cc_record declaration-signature is not JSON: " + signature, e);
    }
  }
}
