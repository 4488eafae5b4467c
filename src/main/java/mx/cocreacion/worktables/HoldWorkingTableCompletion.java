package mx.cocreacion.worktables;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** hold-working-table: at least one participant (name, sector) and one problem identified. */
@Component
class HoldWorkingTableCompletion implements TaskCompletion {

  /** The form's own list of problems (rows of {problem}); the form submits it next to {@code problems}. */
  static final String FORM_PROBLEM_LIST = "problemList";
  static final int MAX_PARTICIPANTS = 500;
  static final int MAX_PROBLEMS = 100;
  /** Who must be at every table (the seed: social organisations, and authorities and officials). */
  static final List<Sector> REQUIRED_SECTORS = List.of(Sector.SOCIETY, Sector.GOVERNMENT);

  private final TaskMinutes minutes;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  HoldWorkingTableCompletion(TaskMinutes minutes) {
    this.shown = Map.of(
        VAR_PARTICIPANTS, e -> Spin.JSON("[{}]"),
        FORM_PROBLEM_LIST, e -> Spin.JSON("[{}]"),
        VAR_PROBLEMS, e -> Spin.JSON("[]"));
    this.minutes = minutes;
  }

  @Override
  public String taskKey() {
    return TASK_HOLD_WORKING_TABLE;
  }

  /**
   * The contract's fields, and {@code problemList}: the form's list of problems (one text field per row),
   * from which the form computes {@code problems}; it is accepted and not read.
   */
  @Override
  public Set<String> fields() {
    return Set.of(VAR_PARTICIPANTS, VAR_PROBLEMS, FORM_PROBLEM_LIST);
  }

  /** The lists the form starts from: one empty row of participants and of problems. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    JsonNode participants = input.list(VAR_PARTICIPANTS, 1, MAX_PARTICIPANTS, "participante");
    if (participants != null) {
      Set<String> sectors = new TreeSet<>();
      for (int i = 0; i < participants.size(); i++) {
        input.text(participants.get(i), "name", path(VAR_PARTICIPANTS, i), TaskInput.NAME);
        input.optionalText(participants.get(i), "organization", path(VAR_PARTICIPANTS, i), TaskInput.NAME);
        String sector = input.oneOf(participants.get(i), "sector", path(VAR_PARTICIPANTS, i), Sector.ids());
        if (sector != null) {
          sectors.add(sector);
        }
      }
      // The seed: social organisations, authorities and officials work on the problems together; the garante may
      // be there too, but a table without civil society or without the authority is not participatory.
      List<String> missing = REQUIRED_SECTORS.stream().filter(s -> !sectors.contains(s.id())).map(Sector::label).toList();
      if (input.isValid() && !missing.isEmpty()) {
        input.reject(VAR_PARTICIPANTS, "deben incluir al menos una persona de la sociedad civil y una de la autoridad "
            + "(la mesa reúne a organizaciones sociales, autoridades y personas funcionarias); falta: "
            + String.join(" y ", missing));
      }
    }
    JsonNode problems = input.list(VAR_PROBLEMS, 1, MAX_PROBLEMS, "problemática");
    if (problems != null) {
      for (int i = 0; i < problems.size(); i++) {
        JsonNode problem = problems.get(i);
        if (!problem.isTextual() || problem.asText().isBlank()) {
          input.reject(path(VAR_PROBLEMS, i), "debe ser un texto que describa la problemática");
        } else if (problem.asText().trim().length() > TaskInput.TEXT) {
          input.reject(path(VAR_PROBLEMS, i), "puede tener a lo más " + TaskInput.TEXT + " caracteres");
        }
      }
    }
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    var table = new LinkedHashMap<String, Object>();
    table.put("table", input.json(VAR_WORKING_TABLE));
    table.put(VAR_PARTICIPANTS, input.json(VAR_PARTICIPANTS));
    table.put(VAR_PROBLEMS, input.json(VAR_PROBLEMS));
    minutes.record(task, RECORD_WORKING_TABLE, table);
  }
}
