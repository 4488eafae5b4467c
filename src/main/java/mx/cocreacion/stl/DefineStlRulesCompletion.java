package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TaskMinutes;
import mx.cocreacion.evidence.EvidenceCapture;
import mx.cocreacion.evidence.RequiredEvidence;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * define-stl-rules: the decision rule (consensus or majority) and the text of the rules, agreed by the STL in a
 * session whose minutes are required (a file, or attached in Tasklist) and published as evidence: the rules are
 * the STL's, not those of whichever member completes the task.
 */
@Component
class DefineStlRulesCompletion implements TaskCompletion {

  static final String MINUTES_MISSING = "es obligatoria: anexe el acta de la sesión en la que el STL acordó sus reglas "
      + "en la pestaña «Evidencia» de esta tarea (PDF, imagen o documento de oficina, hasta 10 MB) antes de completarla";

  private final ExerciseRepository exercises;
  private final TaskMinutes minutes;
  private final RequiredEvidence required;
  private final EvidenceCapture evidence;

  DefineStlRulesCompletion(ExerciseRepository exercises, TaskMinutes minutes, RequiredEvidence required,
      EvidenceCapture evidence) {
    this.exercises = exercises;
    this.minutes = minutes;
    this.required = required;
    this.evidence = evidence;
  }

  @Override
  public String taskKey() {
    return TASK_DEFINE_STL_RULES;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_DECISION_RULE, VAR_RULES_TEXT, VAR_RULES_MINUTES);
  }

  @Override
  public void validate(TaskInput input) {
    input.oneOf(VAR_DECISION_RULE, List.of(RULE_CONSENSUS, RULE_MAJORITY));
    input.text(VAR_RULES_TEXT, TaskInput.TEXT);
    required.require(input, VAR_RULES_MINUTES, null, MINUTES_MISSING);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String rule = input.oneOf(VAR_DECISION_RULE, List.of(RULE_CONSENSUS, RULE_MAJORITY));
    exercises.recordRules(ExerciseScope.exerciseId(task), rule);
    minutes.record(task, RECORD_RULES, Map.of(VAR_DECISION_RULE, rule, VAR_RULES_TEXT, input.text(VAR_RULES_TEXT, TaskInput.TEXT)));
    evidence.file(task, "Acta de la sesión del STL que acordó sus reglas", input.typed(VAR_RULES_MINUTES));
  }
}
