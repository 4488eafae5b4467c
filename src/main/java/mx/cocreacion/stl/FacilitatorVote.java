package mx.cocreacion.stl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.DecisionRule;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code facilitatorVote}: what the model of the facilitator's choice reads, all from the plan of record
 * (never from variables): who votes (the titulars, the vote-facilitator collection), the proposal they vote on,
 * the earlier proposals the STL did not approve (shown when a new one is made) and whether the STL approved the
 * last one (the gateway).
 */
@Component("facilitatorVote")
public class FacilitatorVote {

  private final FacilitatorProposalRepository proposals;
  private final StlMemberRepository members;
  private final ExerciseRepository exercises;

  public FacilitatorVote(FacilitatorProposalRepository proposals, StlMemberRepository members,
      ExerciseRepository exercises) {
    this.proposals = proposals;
    this.members = members;
    this.exercises = exercises;
  }

  /** The titulars of the execution's exercise (user ids, in seat order): one vote-facilitator each. */
  public List<String> titulars(DelegateExecution execution) {
    List<String> titulars = titularsOf(ExerciseScope.exerciseId(execution));
    if (titulars.isEmpty()) {
      throw new IllegalStateException("El ejercicio no tiene titulares del STL electos");
    }
    return titulars;
  }

  List<String> titularsOf(String exerciseId) {
    return members.active(exerciseId).stream().filter(m -> StlMember.TITULAR.equals(m.role()))
        .map(StlMember::userId).distinct().toList();
  }

  /** The sector of each titular who voted for {@code proposal} (one element per yes). */
  List<String> yesSectors(String exerciseId, FacilitatorProposal proposal) {
    return members.sectorsOf(exerciseId,
        proposal.votes().stream().filter(FacilitatorProposal.Vote::approved).map(FacilitatorProposal.Vote::voter));
  }

  /** The STL approved the exercise's last proposal. */
  public boolean approved(DelegateExecution execution) {
    return proposals.latest(ExerciseScope.exerciseId(execution)).map(FacilitatorProposal::approved).orElse(false);
  }

  /** The proposal in vote as the titulars read it (input {@code facilitatorProposal} of vote-facilitator). */
  public SpinJsonNode proposal(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    FacilitatorProposal proposal = proposals.inVote(exerciseId)
        .orElseThrow(() -> new IllegalStateException("No hay propuesta de persona facilitadora en votación"));
    ObjectNode summary = TaskInput.mapper().createObjectNode();
    summary.put("name", proposal.name());
    summary.put("reason", proposal.reason() == null ? "(sin motivo registrado)" : proposal.reason());
    summary.put("proposedBy", nameOf(exerciseId, proposal.proposedBy()));
    summary.put("proposedOn", MexicanDates.longDate(proposal.proposedAt()));
    summary.put("round", proposal.round());
    String rule = exercises.findById(exerciseId).map(Exercise::decisionRule).orElse(null);
    summary.put("rule", DecisionRule.explained(rule));
    return Spin.JSON(summary.toString());
  }

  /**
   * The proposals the STL did not approve, each with its votes against and why (input {@code facilitatorHistory}
   * of select-facilitator): empty on the first proposal.
   */
  public SpinJsonNode history(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    ArrayNode history = TaskInput.mapper().createArrayNode();
    for (FacilitatorProposal p : proposals.all(exerciseId)) {
      if (!FacilitatorProposal.REJECTED.equals(p.status())) {
        continue;
      }
      ObjectNode item = history.addObject();
      item.put("text", "Propuesta " + p.round() + ": " + p.name() + " — " + p.votesFor() + " a favor, "
          + p.votesAgainst() + " en contra (" + MexicanDates.longDate(p.decidedAt()) + ")");
      ArrayNode against = item.putArray("against");
      p.votes().stream().filter(v -> !v.approved()).forEach(v -> against.addObject()
          .put("text", nameOf(exerciseId, v.voter()) + ": " + (v.comments() == null ? "" : v.comments())));
    }
    return Spin.JSON(history.toString());
  }

  /** A member's name as the STL knows it (the user id when the person is not a member). */
  String nameOf(String exerciseId, String userId) {
    if (userId == null) {
      return "";
    }
    Map<String, String> names = members.active(exerciseId).stream()
        .collect(Collectors.toMap(StlMember::userId, StlMember::name, (a, b) -> a));
    return names.getOrDefault(userId, userId);
  }
}
