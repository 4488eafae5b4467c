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
 * monitor-commitments (INAI, six months after the launch): exactly one entry per commitment,
 * verifiable and relevant as booleans, potentialImpact none, minor, moderate or transformative.
 */
@Component
class MonitorCommitmentsCompletion implements TaskCompletion {

  private final PlanOfRecord plan;
  private final AssessmentRepository assessments;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  MonitorCommitmentsCompletion(PlanOfRecord plan, AssessmentRepository assessments, FollowUpSummary summary) {
    this.shown = Map.of(VAR_FOLLOW_UP_SUMMARY, summary::of, VAR_MONITORING, summary::monitoringTemplate);
    this.plan = plan;
    this.assessments = assessments;
  }

  @Override
  public String taskKey() {
    return TASK_MONITOR_COMMITMENTS;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_MONITORING);
  }

  /** The whole exercise, and one monitoring row per commitment. */
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
    Map<Integer, JsonNode> entries = Assessments.onePerCommitment(input, VAR_MONITORING, positions);
    int i = 0;
    for (JsonNode row : entries.values()) {
      String at = path(VAR_MONITORING, i++);
      Assessments.requiredBoolean(input, row, "verifiable", at);
      Assessments.requiredBoolean(input, row, "relevant", at);
      input.oneOf(row, "potentialImpact", at, POTENTIAL_IMPACT);
      input.optionalText(row, "notes", at, TaskInput.TEXT);
    }
    return entries;
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    entries(input).forEach((commitment, row) -> assessments.recordMonitoring(exerciseId, commitment,
        row.get("verifiable").asBoolean(), row.get("relevant").asBoolean(), row.get("potentialImpact").asText(),
        input.optionalText(row, "notes", "", TaskInput.TEXT)));
  }
}
