package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** define-stl-rules: the decision rule (consensus or majority) and the text of the rules. */
@Component
class DefineStlRulesCompletion implements TaskCompletion {

  private final ExerciseRepository exercises;
  private final TaskMinutes minutes;

  DefineStlRulesCompletion(ExerciseRepository exercises, TaskMinutes minutes) {
    this.exercises = exercises;
    this.minutes = minutes;
  }

  @Override
  public String taskKey() {
    return TASK_DEFINE_STL_RULES;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_DECISION_RULE, VAR_RULES_TEXT);
  }

  @Override
  public void validate(TaskInput input) {
    input.oneOf(VAR_DECISION_RULE, List.of(RULE_CONSENSUS, RULE_MAJORITY));
    input.text(VAR_RULES_TEXT, TaskInput.TEXT);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String rule = input.oneOf(VAR_DECISION_RULE, List.of(RULE_CONSENSUS, RULE_MAJORITY));
    exercises.recordRules(ExerciseScope.exerciseId(task), rule);
    minutes.record(task, RECORD_RULES, Map.of(VAR_DECISION_RULE, rule, VAR_RULES_TEXT, input.text(VAR_RULES_TEXT, TaskInput.TEXT)));
  }
}
