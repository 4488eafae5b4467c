package mx.cocreacion.worktables;

import java.util.List;
import mx.cocreacion.plan.StlMember;

/**
 * The STL's decision rule applied to a round of votes: {@code consensus} = every titular
 * approves; {@code majority} = more than half of the titulars approve.
 */
public final class ApprovalRule {

  private ApprovalRule() {}

  public static boolean approved(String decisionRule, List<ApprovalVote> votes, int titulars) {
    long yes = votes.stream().filter(ApprovalVote::approved).count();
    if (StlMember.RULE_MAJORITY.equals(decisionRule)) {
      return yes * 2 > titulars;
    }
    if (StlMember.RULE_CONSENSUS.equals(decisionRule)) {
      return titulars > 0 && yes == titulars;
    }
    throw new IllegalArgumentException("Regla de decisión desconocida: " + decisionRule);
  }
}
