package mx.cocreacion.worktables;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** plan-working-tables: at least one table, each with a topic and a date. One hold-working-table follows per table. */
@Component
class PlanWorkingTablesCompletion implements TaskCompletion {

  static final int MAX_TABLES = 50;

  private final TaskMinutes minutes;

  PlanWorkingTablesCompletion(TaskMinutes minutes) {
    this.minutes = minutes;
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
      for (int i = 0; i < tables.size(); i++) {
        input.text(tables.get(i), "topic", path(VAR_WORKING_TABLES, i), TaskInput.NAME);
        input.date(tables.get(i), "date", path(VAR_WORKING_TABLES, i));
      }
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    minutes.record(task, RECORD_TABLES_PLAN, input.json(VAR_WORKING_TABLES));
  }
}
