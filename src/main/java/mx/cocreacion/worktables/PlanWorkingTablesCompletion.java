package mx.cocreacion.worktables;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.MilestoneOrder;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * plan-working-tables: at least one table, each with a topic and a date not before the STL meeting. One
 * hold-working-table follows per table.
 */
@Component
class PlanWorkingTablesCompletion implements TaskCompletion {

  static final int MAX_TABLES = 50;

  private final TaskMinutes minutes;
  private final ExerciseRepository exercises;

  PlanWorkingTablesCompletion(TaskMinutes minutes, ExerciseRepository exercises) {
    this.minutes = minutes;
    this.exercises = exercises;
  }

  @Override
  public String taskKey() {
    return TASK_PLAN_WORKING_TABLES;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_WORKING_TABLES);
  }

  @Override
  public void validate(TaskInput input) {
    JsonNode tables = input.list(VAR_WORKING_TABLES, 1, MAX_TABLES, "mesa de trabajo");
    if (tables != null) {
      Instant meeting = exercises.findById(ExerciseScope.exerciseId(input)).map(Exercise::meetingDate).orElse(null);
      for (int i = 0; i < tables.size(); i++) {
        input.text(tables.get(i), "topic", path(VAR_WORKING_TABLES, i), TaskInput.NAME);
        Instant date = input.date(tables.get(i), "date", path(VAR_WORKING_TABLES, i));
        MilestoneOrder.notBefore(input, path(VAR_WORKING_TABLES, i) + ".date", date, meeting,
            "la reunión de instalación del STL");
      }
    }
  }

  /** The plan of the tables, and the day of the last one (the launch comes after it). */
  @Override
  public void record(DelegateTask task, TaskInput input) {
    JsonNode tables = input.json(VAR_WORKING_TABLES);
    minutes.record(task, RECORD_TABLES_PLAN, tables);
    Instant last = null;
    for (JsonNode table : tables) {
      Instant date = Dates.parse(table.path("date").asText(null)).orElse(null);
      last = date != null && (last == null || date.isAfter(last)) ? date : last;
    }
    if (last != null) {
      exercises.recordLastTableDate(ExerciseScope.exerciseId(task), last);
    }
  }
}
