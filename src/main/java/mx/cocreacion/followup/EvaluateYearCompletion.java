package mx.cocreacion.followup;

import static mx.cocreacion.followup.FollowUpProcess.*;
import static mx.cocreacion.validation.TaskInput.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * evaluate-year (INAI, at the end of a year of implementation before the PAL ends): exactly one entry per
 * commitment, completion so far no-evidence, not-started, limited, substantial or complete, optional notes.
 * Recorded for the yearly round now due (from the plan of record); the final evaluation stays evaluate-performance.
 */
@Component
class EvaluateYearCompletion implements TaskCompletion {

  private final PlanOfRecord plan;
  private final EvaluationRoundRepository rounds;
  private final FollowUpCalendar calendar;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  EvaluateYearCompletion(PlanOfRecord plan, EvaluationRoundRepository rounds, FollowUpCalendar calendar, FollowUpSummary summary) {
    this.shown = Map.of(
        VAR_FOLLOW_UP_SUMMARY, summary::of,
        VAR_EVALUATION_ROUND, summary::round,
        VAR_YEAR_EVALUATION, summary::yearEvaluationTemplate);
    this.plan = plan;
    this.rounds = rounds;
    this.calendar = calendar;
  }

  @Override
  public String taskKey() {
    return TASK_EVALUATE_YEAR;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_YEAR_EVALUATION);
  }

  /** The whole exercise, the round it evaluates (with the STL's self-assessment) and one row per commitment. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    entries(input);
  }

  private Map<Integer, JsonNode> entries(TaskInput input) {
    List<Integer> positions = plan.positionsOf(ExerciseScope.exerciseId(input));
    Map<Integer, JsonNode> entries = Assessments.onePerCommitment(input, VAR_YEAR_EVALUATION, positions);
    int i = 0;
    for (JsonNode row : entries.values()) {
      String at = path(VAR_YEAR_EVALUATION, i++);
      input.oneOf(row, "completion", at, COMPLETION);
      input.optionalText(row, "notes", at, TaskInput.TEXT);
    }
    return entries;
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    FollowUpCalendar.Round round = calendar.round(exerciseId);
    if (round.finalRound()) {
      throw new IllegalStateException("evaluate-year en la ronda final del ejercicio " + exerciseId);
    }
    Map<Integer, String[]> byCommitment = new LinkedHashMap<>();
    entries(input).forEach((commitment, row) -> byCommitment.put(commitment, new String[] {
        row.get("completion").asText(), input.optionalText(row, "notes", "", TaskInput.TEXT)}));
    rounds.recordYearEvaluation(exerciseId, round.number(), round.periodEnd(), byCommitment,
        ClockUtil.getCurrentTime().toInstant());
  }
}
