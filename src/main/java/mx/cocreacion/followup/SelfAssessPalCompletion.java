package mx.cocreacion.followup;

import static mx.cocreacion.followup.FollowUpProcess.*;

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
 * self-assess-pal (the STL, before each of INAI's evaluations): what the PAL achieved in the period and the
 * difficulties it met (required), the lessons it leaves (optional), each up to 4000 characters. Recorded for the
 * round now due (yearly or final, from the plan of record); public once completed.
 */
@Component
class SelfAssessPalCompletion implements TaskCompletion {

  private final EvaluationRoundRepository rounds;
  private final FollowUpCalendar calendar;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  SelfAssessPalCompletion(EvaluationRoundRepository rounds, FollowUpCalendar calendar, FollowUpSummary summary) {
    this.shown = Map.of(VAR_FOLLOW_UP_SUMMARY, summary::of, VAR_EVALUATION_ROUND, summary::round);
    this.rounds = rounds;
    this.calendar = calendar;
  }

  @Override
  public String taskKey() {
    return TASK_SELF_ASSESS_PAL;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_ACHIEVEMENTS, VAR_DIFFICULTIES, VAR_LESSONS);
  }

  /** The whole exercise and the round it assesses. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    input.text(VAR_ACHIEVEMENTS, TaskInput.TEXT);
    input.text(VAR_DIFFICULTIES, TaskInput.TEXT);
    input.optionalText(VAR_LESSONS, TaskInput.TEXT);
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    String exerciseId = ExerciseScope.exerciseId(task);
    FollowUpCalendar.Round round = calendar.round(exerciseId);
    rounds.recordSelfAssessment(exerciseId, round.number(), round.finalRound(), round.periodEnd(),
        input.text(VAR_ACHIEVEMENTS, TaskInput.TEXT), input.text(VAR_DIFFICULTIES, TaskInput.TEXT),
        input.optionalText(VAR_LESSONS, TaskInput.TEXT), ClockUtil.getCurrentTime().toInstant());
  }
}
