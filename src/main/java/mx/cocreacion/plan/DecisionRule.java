package mx.cocreacion.plan;

/**
 * The STL's own decision rule (set in {@code define-stl-rules}), the one rule every vote of the
 * STL is counted under: the approval of commitments, the choice of the facilitator, amendments.
 * {@code consensus} = every titular says yes; {@code majority} = more than half of the titulars do.
 */
public final class DecisionRule {

  private DecisionRule() {}

  /** Whether {@code yes} votes out of {@code titulars} seats carry a decision under {@code decisionRule}. */
  public static boolean carries(String decisionRule, long yes, int titulars) {
    if (StlMember.RULE_MAJORITY.equals(decisionRule)) {
      return yes * 2 > titulars;
    }
    if (StlMember.RULE_CONSENSUS.equals(decisionRule)) {
      return titulars > 0 && yes == titulars;
    }
    throw new IllegalArgumentException("Regla de decisión desconocida: " + decisionRule);
  }
}
