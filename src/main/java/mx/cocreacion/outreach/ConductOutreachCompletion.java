package mx.cocreacion.outreach;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.outreach.OutreachProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * conduct-outreach: at least one session (date, place, attendees) and actors of the three sectors
 * (each with name and sector; e-mail optional but valid).
 */
@Component
class ConductOutreachCompletion implements TaskCompletion {

  static final int MAX_SESSIONS = 200;
  static final int MAX_ACTORS = 1000;

  private final TaskMinutes minutes;

  ConductOutreachCompletion(TaskMinutes minutes) {
    this.minutes = minutes;
  }

  @Override
  public String taskKey() {
    return TASK_CONDUCT_OUTREACH;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_OUTREACH_SESSIONS, VAR_ACTORS);
  }

  @Override
  public void validate(TaskInput input) {
    JsonNode sessions = input.list(VAR_OUTREACH_SESSIONS, 1, MAX_SESSIONS, "sesión de sensibilización");
    if (sessions != null) {
      for (int i = 0; i < sessions.size(); i++) {
        JsonNode session = sessions.get(i);
        String at = path(VAR_OUTREACH_SESSIONS, i);
        input.date(session, "date", at);
        input.text(session, "place", at, TaskInput.NAME);
        JsonNode attendees = session.get("attendees");
        if (attendees == null || attendees.isNull() || attendees.asText().isBlank()) {
          input.reject(at + ".attendees", "es obligatorio (número de asistentes)");
        } else if (!attendees.asText().matches("\\d{1,7}") || Integer.parseInt(attendees.asText()) < 1) {
          input.reject(at + ".attendees", "debe ser un número entero mayor que 0");
        }
      }
    }
    JsonNode actors = input.list(VAR_ACTORS, 1, MAX_ACTORS, "actor");
    if (actors != null) {
      var covered = EnumSet.noneOf(Sector.class);
      for (int i = 0; i < actors.size(); i++) {
        JsonNode actor = actors.get(i);
        String at = path(VAR_ACTORS, i);
        input.text(actor, "name", at, TaskInput.NAME);
        input.optionalText(actor, "organization", at, TaskInput.NAME);
        String sector = input.oneOf(actor, "sector", at, Sector.ids());
        input.email(actor, "email", at, false);
        Sector.of(sector).ifPresent(covered::add);
      }
      var missing = EnumSet.complementOf(covered);
      if (!missing.isEmpty()) {
        input.reject(VAR_ACTORS, "debe incluir al menos un actor de cada sector; falta: "
            + missing.stream().map(Sector::label).collect(Collectors.joining(", ")));
      }
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    minutes.record(task, RECORD_OUTREACH,
        Map.of(VAR_OUTREACH_SESSIONS, input.json(VAR_OUTREACH_SESSIONS), VAR_ACTORS, input.json(VAR_ACTORS)));
  }
}
