package mx.cocreacion.stl;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.stl.StlIntegrationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * draft-annual-agenda: at least one agenda item, each with a date and an activity, and the minutes of the STL session
 * that approved it (a file, or attached in Tasklist), published as evidence: the agenda is the STL's, as the seed has
 * it («elaborar su agenda anual de trabajo»), not that of whichever member completes the task.
 */
@Component
class DraftAnnualAgendaCompletion implements TaskCompletion {

  static final int MAX_ITEMS = 200;

  static final String MINUTES_MISSING = "es obligatoria: anexe el acta de la sesión en la que el STL aprobó su agenda "
      + "anual en la pestaña «Evidencia» de esta tarea (PDF, imagen o documento de oficina, hasta 10 MB) antes de completarla";

  private final TaskMinutes minutes;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;

  DraftAnnualAgendaCompletion(TaskMinutes minutes, RequiredEvidence required, EvidenceCapture evidence) {
    this.minutes = minutes;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_DRAFT_ANNUAL_AGENDA;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_AGENDA, VAR_AGENDA_MINUTES);
  }

  @Override
  public void validate(TaskInput input) {
    JsonNode agenda = input.list(VAR_AGENDA, 1, MAX_ITEMS, "actividad en la agenda");
    if (agenda != null) {
      for (int i = 0; i < agenda.size(); i++) {
        input.date(agenda.get(i), "date", path(VAR_AGENDA, i));
        input.text(agenda.get(i), "activity", path(VAR_AGENDA, i), TaskInput.LINE);
      }
    }
    required.require(input, VAR_AGENDA_MINUTES, null, MINUTES_MISSING);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    minutes.record(task, RECORD_AGENDA, input.json(VAR_AGENDA));
    evidence.file(task, "Acta de la sesión del STL que aprobó su agenda anual", input.typed(VAR_AGENDA_MINUTES));
  }
}
