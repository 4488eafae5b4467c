package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentVote;
import mx.cocreacion.plan.CommitmentVoteRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After every titular voted: applies the STL's decision rule to the round's votes commitment by commitment.
 * The commitments that carry are kept as approved (out of the next vote); {@code commitmentsApproved} is true
 * when every commitment has carried (then the plan is recorded), and {@code approvalComments} tells, per
 * returned commitment, who returned it and why (the facilitator's consolidation shows it, with
 * {@code approvalOutcome}).
 */
@Component("tallyApprovalDelegate")
public class TallyApprovalDelegate implements JavaDelegate {

  private final CommitmentVoteRepository votes;
  private final ApprovalVoteRepository generalVotes;
  private final CommitmentRepository commitments;
  private final StlRoster roster;
  private final ExerciseRepository exercises;

  public TallyApprovalDelegate(CommitmentVoteRepository votes, ApprovalVoteRepository generalVotes,
      CommitmentRepository commitments, StlRoster roster, ExerciseRepository exercises) {
    this.votes = votes;
    this.generalVotes = generalVotes;
    this.commitments = commitments;
    this.roster = roster;
    this.exercises = exercises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Object roundVariable = execution.getVariable(VAR_APPROVAL_ROUND);
    int round = roundVariable instanceof Integer r ? r : 1;
    List<CommitmentVote> cast = votes.round(exerciseId, round);
    // The STL's rule as the plan of record has it (define-stl-rules), not a variable.
    String decisionRule = exercises.findById(exerciseId).map(Exercise::decisionRule)
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene regla de decisión"));
    List<Commitment> draft = commitments.findByExercise(exerciseId);
    Map<Integer, Integer> before = commitments.carriedRounds(exerciseId);
    List<Integer> inVote = draft.stream().map(Commitment::position).filter(p -> !before.containsKey(p)).toList();
    Set<Integer> carried = ApprovalRule.carried(decisionRule, inVote, cast, roster.titularsOf(exerciseId).size());
    commitments.carry(exerciseId, carried, round);

    List<String> lines = new ArrayList<>();
    for (Commitment c : draft) {
      if (!inVote.contains(c.position())) {
        continue;
      }
      boolean kept = carried.contains(c.position());
      for (CommitmentVote v : cast) {
        if (v.position() == c.position() && v.comments() != null && !v.comments().isBlank()) {
          lines.add("Compromiso " + c.position() + " (" + (kept ? "aprobado" : "devuelto") + "), "
              + (v.approved() ? "a favor" : "lo devuelve") + " " + who(v) + ": " + v.comments());
        }
      }
    }
    // General comments (the first contract's comments with an approval, or the form's general comments).
    for (ApprovalVote v : generalVotes.round(exerciseId, round)) {
      boolean repeated = !v.approved() && cast.stream().anyMatch(c -> c.userId().equals(v.userId())
          && v.comments() != null && v.comments().equals(c.comments()));
      if (v.comments() != null && !v.comments().isBlank() && !repeated) {
        lines.add("Comentario general de " + cast.stream().filter(c -> c.userId().equals(v.userId())).findFirst()
            .map(TallyApprovalDelegate::who).orElse(v.userId()) + ": " + v.comments());
      }
    }
    execution.setVariable(VAR_COMMITMENTS_APPROVED, carried.size() == inVote.size());
    execution.setVariable(VAR_APPROVAL_COMMENTS, fitted(String.join("\n", lines)));
    execution.setVariable(VAR_APPROVAL_ROUND, round + 1);
  }

  /**
   * A String variable holds at most 4,000 characters (the engine's column); three titulars' comments of 4,000
   * each do not fit. The whole comments stay in the plan of record and in {@code approvalOutcome}.
   */
  static String fitted(String comments) {
    if (comments.length() <= MAX_COMMENTS) {
      return comments;
    }
    String more = "… (más comentarios en el resultado de la votación)";
    return comments.substring(0, MAX_COMMENTS - more.length()) + more;
  }

  static final int MAX_COMMENTS = 4000;

  static String who(CommitmentVote v) {
    return v.name() != null ? v.name() + " (" + v.userId() + ")" : v.userId();
  }
}
