package mx.cocreacion.worktables;

import java.util.List;
import mx.cocreacion.stl.StlIntegrationProcess;

/**
 * The STL's decision rule applied to a round of votes: {@code consensus} = every titular
 * approves; {@code majority} = more than half of the titulars approve.
 */
public final class ApprovalRule {

  private ApprovalRule() {}

  public static boolean approved(String decisionRule, List<ApprovalVote> votes, int titulars) {
    long yes = votes.stream().filter(ApprovalVote::approved).count();
    if (StlIntegrationProcess.RULE_MAJORITY.equals(decisionRule)) {
      return yes * 2 > titulars;
    }
    if (StlIntegrationProcess.RULE_CONSENSUS.equals(decisionRule)) {
      return titulars > 0 && yes == titulars;
    }
    throw new IllegalArgumentException("Regla de decisión desconocida: " + decisionRule);
  }
}
