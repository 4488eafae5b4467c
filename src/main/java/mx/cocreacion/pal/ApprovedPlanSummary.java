package mx.cocreacion.pal;

import static org.camunda.spin.Spin.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code approvedPlan}: what schedule-pal's form shows of the approved plan (shown field {@code approvedPlan}),
 * so the STL sees the rule before a 400 tells it: how many commitments and activities, and between which days the
 * activities fall due (the PAL's validity must cover them: {@link SchedulePalCompletion}).
 */
@Component("approvedPlan")
public class ApprovedPlanSummary {

  private final CommitmentRepository commitments;

  public ApprovedPlanSummary(CommitmentRepository commitments) {
    this.commitments = commitments;
  }

  public SpinJsonNode of(DelegateExecution execution) {
    List<Commitment> plan = commitments.findByExercise(ExerciseScope.exerciseId(execution));
    List<LocalDate> dues = plan.stream().flatMap(c -> c.activities().stream()).map(Commitment.Activity::dueDate)
        .filter(d -> d != null).sorted().toList();
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("commitments", plan.size());
    node.put("activities", dues.size());
    if (!dues.isEmpty()) {
      node.put("firstDueText", MexicanDates.longDate(dues.get(0)));
      node.put("lastDueText", MexicanDates.longDate(dues.get(dues.size() - 1)));
    }
    return JSON(node.toString());
  }
}
