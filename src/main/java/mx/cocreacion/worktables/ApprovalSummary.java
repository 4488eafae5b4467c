package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.plan.CommitmentForms;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.CommitmentVote;
import mx.cocreacion.plan.CommitmentVoteRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code approvalSummary}: what the STL's vote on the commitments looks like in the forms, read from the
 * draft and the votes in the plan of record and put into words (the forms compute nothing):
 * <ul>
 *   <li>{@link #of}: the consolidated commitments as each titular's approve-commitments task shows them
 *       (shown field {@code commitmentsSummary}, {@link CommitmentForms#summary}), each with {@code inVote}
 *       and {@code approvalText} (in this vote, or approved by the STL in an earlier one: shown for context);</li>
 *   <li>{@link #voteRows}: the rows of the titular's {@code votes}, one per commitment of the vote;</li>
 *   <li>{@link #outcome}: for consolidate-commitments ({@code approvalOutcome}), which commitments the STL
 *       returned in the last vote, by whom and why, and which it approved (kept as they are).</li>
 * </ul>
 */
@Component("approvalSummary")
public class ApprovalSummary {

  private final CommitmentViews views;
  private final CommitmentRepository commitments;
  private final CommitmentVoteRepository votes;

  public ApprovalSummary(CommitmentViews views, CommitmentRepository commitments, CommitmentVoteRepository votes) {
    this.views = views;
    this.commitments = commitments;
    this.votes = votes;
  }

  public SpinJsonNode of(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Map<Integer, Integer> carried = commitments.carriedRounds(exerciseId);
    var list = TaskInput.mapper().createArrayNode();
    views.of(exerciseId).forEach(c -> {
      ObjectNode node = CommitmentForms.summary(c);
      node.put("inVote", !carried.containsKey(c.position()));
      node.put("approvalText", carried.containsKey(c.position())
          ? "Aprobado por el STL en la votación " + carried.get(c.position()) + " (no se vota de nuevo)"
          : "En esta votación");
      list.add(node);
    });
    return Spin.JSON(list.toString());
  }

  /** One row per commitment of the vote: its position and title (read-only), the titular's choice and comment. */
  public SpinJsonNode voteRows(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Map<Integer, Integer> carried = commitments.carriedRounds(exerciseId);
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (CommitmentView c : views.of(exerciseId)) {
      if (!carried.containsKey(c.position())) {
        ObjectNode row = rows.addObject();
        row.put("position", c.position());
        row.put("title", c.numberedTitle());
        row.putNull(VAR_APPROVED);
        row.put(VAR_COMMENTS, "");
      }
    }
    return Spin.JSON(rows.toString());
  }

  /** What the last vote decided, as the facilitator reads it before consolidating again (empty before any vote). */
  public SpinJsonNode outcome(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Map<Integer, Integer> carried = commitments.carriedRounds(exerciseId);
    Object roundVariable = execution.getVariable(VAR_APPROVAL_ROUND);
    int last = (roundVariable instanceof Integer r ? r : 1) - 1;
    List<CommitmentVote> cast = last < 1 ? List.of() : votes.round(exerciseId, last);
    ObjectNode outcome = TaskInput.mapper().createObjectNode();
    ArrayNode returned = outcome.putArray("returned");
    ArrayNode approved = outcome.putArray("approved");
    for (CommitmentView c : views.of(exerciseId)) {
      if (carried.containsKey(c.position())) {
        ObjectNode row = approved.addObject();
        row.put("position", c.position());
        row.put("title", c.numberedTitle());
        row.put("approvalText", "aprobado por el STL en la votación " + carried.get(c.position()));
        continue;
      }
      List<CommitmentVote> onIt = cast.stream().filter(v -> v.position() == c.position()).toList();
      if (onIt.isEmpty()) {
        continue; // not voted on yet (before the first vote)
      }
      ObjectNode row = returned.addObject();
      row.put("position", c.position());
      row.put("title", c.numberedTitle());
      long yes = onIt.stream().filter(CommitmentVote::approved).count();
      row.put("tallyText", yes + " de " + onIt.size() + (onIt.size() == 1 ? " titular lo aprobó" : " titulares lo aprobaron"));
      ArrayNode returns = row.putArray("returns");
      for (CommitmentVote v : onIt) {
        if (!v.approved()) {
          ObjectNode by = returns.addObject();
          by.put("name", v.name() != null ? v.name() : v.userId());
          by.put("sectorText", v.sector() == null ? "" : Sector.of(v.sector()).map(Sector::label).orElse(v.sector()));
          by.put(VAR_COMMENTS, v.comments());
        }
      }
    }
    outcome.put("round", Math.max(last, 0));
    outcome.put("hasReturned", !returned.isEmpty());
    outcome.put("hasApproved", !approved.isEmpty());
    return Spin.JSON(outcome.toString());
  }
}
