package mx.cocreacion.declaration;

import static mx.cocreacion.declaration.DeclarationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.completion.Tasks;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.EvidenceFiles;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * sign-declaration: a non-blank signatory name, optionally their position and institution, an explicit signature ({@code signed} = true) and the day it was
 * signed ({@code signedOn}: today or earlier, since 2015; without it, the day of the completion).
 */
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
  public Set<String> fields() {
    return Set.of(VAR_SIGNATORY_NAME, VAR_SIGNATORY_POSITION, VAR_SIGNED, VAR_SIGNED_ON, VAR_DECLARATION_DOCUMENT);
  }

  @Override
  public Set<String> localFields() {
    return fields();
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_SIGNATORY_NAME, TaskInput.NAME);
    input.optionalText(VAR_SIGNATORY_POSITION, TaskInput.NAME);
    Boolean signed = input.bool(VAR_SIGNED);
    if (Boolean.FALSE.equals(signed)) {
      input.reject(VAR_SIGNED, "debe ser verdadero: la declaración conjunta se firma para continuar");
    }
    EvidenceFiles.check(input, VAR_DECLARATION_DOCUMENT, input.typed(VAR_DECLARATION_DOCUMENT));
    Instant signedOn = input.optionalDate(VAR_SIGNED_ON);
    if (signedOn != null) {
      LocalDate day = Dates.localDate(signedOn);
      LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
      if (day.isAfter(today)) {
        input.reject(VAR_SIGNED_ON, "no puede ser posterior a hoy (" + MexicanDates.longDate(today) + ")");
      } else if (day.getYear() < FIRST_YEAR) {
        input.reject(VAR_SIGNED_ON, "debe ser de " + FIRST_YEAR + " o posterior");
      }
    }
  }

  /** The day it was signed: as given, or today (Mexico City) when the client gave none. */
  private static LocalDate signedOn(TaskInput input) {
    Instant given = input.optionalDate(VAR_SIGNED_ON);
    return Dates.localDate(given != null ? given : ClockUtil.getCurrentTime().toInstant());
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    // The sector that signs is the one the task was offered to (its candidate group), never a variable.
    String sector = Tasks.candidateGroups(task).stream().filter(g -> Sector.of(g).isPresent()).findFirst()
        .orElseThrow(() -> new IllegalStateException("La firma " + task.getId() + " no está ofrecida a un sector"));
    var signature = new LinkedHashMap<String, Object>();
    signature.put("sector", sector);
    signature.put("signatoryName", input.optionalText(VAR_SIGNATORY_NAME, TaskInput.NAME));
    signature.put("signatoryPosition", input.optionalText(VAR_SIGNATORY_POSITION, TaskInput.NAME));
    signature.put("signedAt", signedOn(input).toString());
    signature.put("hasDocument", task.getVariable(VAR_DECLARATION_DOCUMENT) != null);
    minutes.record(task, RECORD_SIGNATURE, signature);
    evidence.file(task, "Declaración conjunta — firma de " + Sector.of(sector).map(Sector::label).orElse(sector),
        input.typed(VAR_DECLARATION_DOCUMENT));
  }
}
