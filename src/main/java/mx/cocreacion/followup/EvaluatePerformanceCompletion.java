package mx.cocreacion.followup;

import static mx.cocreacion.validation.TaskInput.path;
import static mx.cocreacion.followup.FollowUpProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.AssessmentRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * evaluate-performance (INAI, at the end of the PAL): exactly one entry per commitment, completion
 * no-evidence, not-started, limited, substantial or complete; openedGovernment worsened,
 * did-not-change, marginal, major or outstanding.
 */
@Component
class EvaluatePerformanceCompletion implements TaskCompletion {

  private final PlanOfRecord plan;
  private final AssessmentRepository assessments;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  EvaluatePerformanceCompletion(PlanOfRecord plan, AssessmentRepository assessments, FollowUpSummary summary) {
    this.shown = Map.of(
        VAR_FOLLOW_UP_SUMMARY, summary::of,
        VAR_EVALUATION_ROUND, summary::round,
        VAR_EVALUATION, summary::evaluationTemplate);
    this.plan = plan;
    this.assessments = assessments;
  }

  @Override
  public String taskKey() {
    return TASK_EVALUATE_PERFORMANCE;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_EVALUATION);
  }

  /** The whole exercise, the final round (with the STL's self-assessment) and one row per commitment. */
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
    Map<Integer, JsonNode> entries = Assessments.onePerCommitment(input, VAR_EVALUATION, positions);
    int i = 0;
    for (JsonNode row : entries.values()) {
      String at = path(VAR_EVALUATION, i++);
      input.oneOf(row, "completion", at, COMPLETION);
      input.oneOf(row, "openedGovernment", at, OPENED_GOVERNMENT);
      input.optionalText(row, "notes", at, TaskInput.TEXT);
    }
    return entries;
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    entries(input).forEach((commitment, row) -> assessments.recordEvaluation(exerciseId, commitment,
        row.get("completion").asText(), row.get("openedGovernment").asText(), input.optionalText(row, "notes", "", TaskInput.TEXT)));
  }
}
