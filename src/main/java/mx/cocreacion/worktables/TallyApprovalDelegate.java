package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.util.List;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After every titular voted: applies the STL's decision rule to the round's votes, sets
 * {@code commitmentsApproved} and gathers every comment in {@code approvalComments}.
 */
@Component("tallyApprovalDelegate")
public class TallyApprovalDelegate implements JavaDelegate {

  private final ApprovalVoteRepository votes;
  private final StlRoster roster;
  private final ExerciseRepository exercises;

  public TallyApprovalDelegate(ApprovalVoteRepository votes, StlRoster roster, ExerciseRepository exercises) {
    this.votes = votes;
    this.roster = roster;
    this.exercises = exercises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Object roundVariable = execution.getVariable(VAR_APPROVAL_ROUND);
    int round = roundVariable instanceof Integer r ? r : 1;
    List<ApprovalVote> cast = votes.round(exerciseId, round);
    // The STL's rule as the plan of record has it (define-stl-rules), not a variable.
    String decisionRule = exercises.findById(exerciseId).map(Exercise::decisionRule)
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene regla de decisión"));
    boolean approved = ApprovalRule.approved(decisionRule, cast, roster.titularsOf(exerciseId).size());
    String comments = cast.stream()
        .filter(v -> v.comments() != null && !v.comments().isBlank())
        .map(v -> (v.approved() ? "A favor" : "En contra") + " (" + v.userId() + "): " + v.comments())
        .collect(Collectors.joining("\n"));
    execution.setVariable(VAR_COMMITMENTS_APPROVED, approved);
    execution.setVariable(VAR_APPROVAL_COMMENTS, comments);
    execution.setVariable(VAR_APPROVAL_ROUND, round + 1);
  }
}
