package mx.cocreacion.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.plan.Assessment;
import mx.cocreacion.plan.AssessmentRepository;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After INAI's evaluation: marks the starred commitments (IRM criteria), records the final report
 * of the exercise (its data; the PDF is generated from it) and marks the exercise and its final evaluation round
 * evaluated. The
 * terminate end event that follows ends every open commitment-implementation.
 */
@Component("recordEvaluationDelegate")
public class RecordEvaluationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordEvaluationDelegate.class);

  private final AssessmentRepository assessments;
  private final FollowUpSummary summary;
  private final RecordRepository records;
  private final EvaluationRoundRepository rounds;
  private final FollowUpCalendar calendar;

  public RecordEvaluationDelegate(AssessmentRepository assessments, FollowUpSummary summary, RecordRepository records,
      EvaluationRoundRepository rounds, FollowUpCalendar calendar) {
    this.rounds = rounds;
    this.calendar = calendar;
    this.assessments = assessments;
    this.summary = summary;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    String exerciseId = ExerciseScope.exerciseId(execution);
    List<Integer> starred = new ArrayList<>();
    for (Assessment a : assessments.assessments(exerciseId)) {
      boolean isStarred = Assessment.isStarred(a.verifiable(), a.relevant(), a.potentialImpact(), a.completion());
      assessments.markStarred(exerciseId, a.commitment(), isStarred);
      if (isStarred) {
        starred.add(a.commitment());
      }
    }
    var now = ClockUtil.getCurrentTime().toInstant();
    assessments.markEvaluated(exerciseId, now);
    FollowUpCalendar.Round round = calendar.round(exerciseId);
    rounds.recordFinalEvaluation(exerciseId, round.number(), round.periodEnd(), now);
    String finalReport = TaskInput.mapper().writeValueAsString(Map.of(
        "evaluatedAt", now.toString(),
        "starred", starred,
        "assessments", assessments.assessments(exerciseId),
        "summary", TaskInput.mapper().readTree(summary.exercise(exerciseId).toString())));
    records.add(exerciseId, FollowUpProcess.RECORD_FINAL_REPORT, null, null, now, finalReport);
    execution.setVariable(FollowUpProcess.VAR_STARRED,
        SpinValues.jsonValue(TaskInput.mapper().writeValueAsString(starred)).create());
    LOG.info("Evaluación INAI registrada: ejercicio {}, compromisos estelares {}", execution.getProcessBusinessKey(), starred);
  }
}
