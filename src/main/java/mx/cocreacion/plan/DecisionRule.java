package mx.cocreacion.plan;

import java.util.Collection;
import java.util.Objects;

/**
 * The STL's own decision rule (set in {@code define-stl-rules}), the one rule every vote of the
 * STL is counted under: the approval of commitments, the choice of the facilitator, amendments.
 * {@code consensus} = every titular says yes; {@code majority} = more than half of the titulars do, and they are
 * not all of one sector. The STL is the meeting of three sectors (the seed: «instancia máxima de decisión y
 * coordinación entre gobierno y ciudadanía»); an election may seat more titulars for one sector than for the
 * others, and a majority counted per head alone would then let that sector decide by itself.
 */
public final class DecisionRule {

  /** How many sectors the yes votes of a majority must come from. */
  public static final int MAJORITY_SECTORS = 2;

  private DecisionRule() {}

  /**
   * Whether the yes votes carry a decision under {@code decisionRule}: {@code yesSectors} holds the sector of each
   * titular who voted yes (one element per vote), {@code titulars} the seats that vote.
   */
  public static boolean carries(String decisionRule, Collection<String> yesSectors, int titulars) {
    long yes = yesSectors.size();
    if (StlMember.RULE_MAJORITY.equals(decisionRule)) {
      return yes * 2 > titulars && yesSectors.stream().filter(Objects::nonNull).distinct().count() >= MAJORITY_SECTORS;
    }
    if (StlMember.RULE_CONSENSUS.equals(decisionRule)) {
      return titulars > 0 && yes == titulars;
    }
    throw new IllegalArgumentException("Regla de decisión desconocida: " + decisionRule);
  }

  /** The rule as the STL reads it on a vote's form. */
  public static String explained(String decisionRule) {
    if (StlMember.RULE_MAJORITY.equals(decisionRule)) {
      return "mayoría: se aprueba si más de la mitad de las personas titulares votan a favor, de al menos dos sectores";
    }
    if (StlMember.RULE_CONSENSUS.equals(decisionRule)) {
      return "consenso: se aprueba si todas las personas titulares votan a favor";
    }
    return "";
  }
}
