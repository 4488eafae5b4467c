package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.util.List;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.ExerciseVariables;
import mx.cocreacion.stl.StlRoster;
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

  public TallyApprovalDelegate(ApprovalVoteRepository votes, StlRoster roster) {
    this.votes = votes;
    this.roster = roster;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = (String) execution.getVariable(ExerciseVariables.EXERCISE_ID);
    Object roundVariable = execution.getVariable(VAR_APPROVAL_ROUND);
    int round = roundVariable instanceof Integer r ? r : 1;
    List<ApprovalVote> cast = votes.round(exerciseId, round);
    boolean approved = ApprovalRule.approved((String) execution.getVariable(ExerciseVariables.DECISION_RULE), cast,
        roster.titulars(exerciseId).size());
    String comments = cast.stream()
        .filter(v -> v.comments() != null && !v.comments().isBlank())
        .map(v -> (v.approved() ? "A favor" : "En contra") + " (" + v.userId() + "): " + v.comments())
        .collect(Collectors.joining("\n"));
    execution.setVariable(VAR_COMMITMENTS_APPROVED, approved);
    execution.setVariable(VAR_APPROVAL_COMMENTS, comments);
    execution.setVariable(VAR_APPROVAL_ROUND, round + 1);
  }
}
