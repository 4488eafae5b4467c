package mx.cocreacion.stl;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.stl.StlIntegrationProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** draft-annual-agenda: at least one agenda item, each with a date and an activity. */
@Component
class DraftAnnualAgendaCompletion implements TaskCompletion {

  static final int MAX_ITEMS = 200;

  private final TaskMinutes minutes;

  DraftAnnualAgendaCompletion(TaskMinutes minutes) {
    this.minutes = minutes;
  }

  @Override
  public String taskKey() {
    return TASK_DRAFT_ANNUAL_AGENDA;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_AGENDA);
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
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    minutes.record(task, RECORD_AGENDA, input.json(VAR_AGENDA));
  }
}
