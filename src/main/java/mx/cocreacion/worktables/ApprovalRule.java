package mx.cocreacion.worktables;

import java.util.List;
import mx.cocreacion.plan.DecisionRule;

/**
 * The STL's decision rule ({@link DecisionRule}) applied to a round of votes on the commitments.
 */
public final class ApprovalRule {

  private ApprovalRule() {}

  public static boolean approved(String decisionRule, List<ApprovalVote> votes, int titulars) {
    return DecisionRule.carries(decisionRule, votes.stream().filter(ApprovalVote::approved).count(), titulars);
  }
}
