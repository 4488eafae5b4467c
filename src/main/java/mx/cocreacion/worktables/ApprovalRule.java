package mx.cocreacion.worktables;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mx.cocreacion.plan.CommitmentVote;
import mx.cocreacion.plan.DecisionRule;

/**
 * The STL's decision rule ({@link DecisionRule}) applied to a round of votes, commitment by commitment: a
 * commitment carries when its approvals carry under the rule (consensus: every titular; majority: more than
 * half of the titulars, from at least two sectors).
 */
public final class ApprovalRule {

  private ApprovalRule() {}

  /** The commitments of the vote ({@code inVote}) that this round's votes carry. */
  public static Set<Integer> carried(String decisionRule, Collection<Integer> inVote, List<CommitmentVote> votes,
      int titulars) {
    Set<Integer> carried = new TreeSet<>();
    for (int position : inVote) {
      List<String> yes = votes.stream().filter(v -> v.position() == position && v.approved()).map(CommitmentVote::sector)
          .toList();
      if (DecisionRule.carries(decisionRule, yes, titulars)) {
        carried.add(position);
      }
    }
    return carried;
  }
}
