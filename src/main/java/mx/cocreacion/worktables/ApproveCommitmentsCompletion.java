package mx.cocreacion.worktables;

import static mx.cocreacion.worktables.WorkingTablesProcess.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cocreacion.completion.SubmittedFields;
import mx.cocreacion.completion.TaskCompletion;
import mx.cocreacion.completion.TitularVote;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentVoteRepository;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * approve-commitments: each titular approves or returns each commitment of the vote ({@link Ballot}: the
 * per-commitment {@code votes}, or the first contract's {@code approved} and {@code comments} for all of
 * them); a returned one carries a comment, so the facilitator knows what to change. The votes are recorded
 * per commitment ({@code cc_commitment_vote}) and, as before, one per titular and round
 * ({@code cc_approval_vote}: approved = every commitment of the vote approved).
 */
@Component
class ApproveCommitmentsCompletion implements TaskCompletion {

  private final ApprovalVoteRepository votes;
  private final CommitmentVoteRepository commitmentVotes;
  private final CommitmentRepository commitments;
  private final StlRoster roster;
  private final StandInRepository standIns;
  private final Map<String, Function<DelegateExecution, SpinJsonNode>> shown;

  ApproveCommitmentsCompletion(ApprovalVoteRepository votes, CommitmentVoteRepository commitmentVotes,
      CommitmentRepository commitments, StlRoster roster, StandInRepository standIns, ApprovalSummary approvals) {
    this.shown = Map.of(VAR_VOTES, approvals::voteRows, VAR_COMMITMENTS_SUMMARY, approvals::of);
    this.standIns = standIns;
    this.votes = votes;
    this.commitmentVotes = commitmentVotes;
    this.commitments = commitments;
    this.roster = roster;
  }

  @Override
  public String taskKey() {
    return TASK_APPROVE_COMMITMENTS;
  }

  @Override
  public Set<String> fields() {
    return Set.of(VAR_APPROVED, VAR_COMMENTS, VAR_VOTES);
  }

  @Override
  public Set<String> localFields() {
    return Set.of(VAR_APPROVED, VAR_COMMENTS);
  }

  /** One vote row per commitment in the vote, and what each commitment says. */
  @Override
  public Map<String, Function<DelegateExecution, SpinJsonNode>> shown() {
    return shown;
  }

  @Override
  public void validate(TaskInput input) {
    ballot(input, ExerciseScope.exerciseId(input));
  }

  private Ballot ballot(TaskInput input, String exerciseId) {
    List<Commitment> draft = commitments.findByExercise(exerciseId);
    Map<Integer, Integer> carried = commitments.carriedRounds(exerciseId);
    List<Integer> inVote = draft.stream().map(Commitment::position).filter(p -> !carried.containsKey(p)).toList();
    // The task's own prefilled rows are not a vote: only a completion that carries votes decides per commitment.
    // An empty list with approved is the form of a task opened before votes existed (no rows): approved decides.
    Object sent = input.raw(VAR_VOTES);
    boolean votesSent = SubmittedFields.current().containsKey(VAR_VOTES) && sent != null
        && !(String.valueOf(sent).replaceAll("\\s", "").equals("[]") && input.raw(VAR_APPROVED) != null);
    return Ballot.read(input, votesSent, inVote, carried, draft.size());
  }

  @Override
  public void record(DelegateTask task, TaskInput input) {
    Object round = task.getVariable(VAR_APPROVAL_ROUND);
    int r = round instanceof Integer i ? i : 1;
    String exerciseId = ExerciseScope.exerciseId(task);
    // Each vote is a titular's seat: the task's assignee (the model assigns it) or the titular a suplente stands in for.
    String voter = TitularVote.voter(task, roster.titularsOf(exerciseId), VAR_APPROVED, standIns);
    Ballot ballot = ballot(input, exerciseId);
    Instant at = ClockUtil.getCurrentTime().toInstant();
    commitmentVotes.add(exerciseId, r, voter, ballot.votes(), at);
    votes.add(exerciseId, r, new ApprovalVote(voter, ballot.approvesAll(), ballot.comments()), at);
    // The task keeps what was decided, per commitment and overall, whichever way it was sent.
    Map<Integer, String> titles = commitments.findByExercise(exerciseId).stream()
        .collect(Collectors.toMap(Commitment::position, Commitment::title));
    // (the votes in the variable the form prefilled; approved on the task, a local field)
    task.setVariable(VAR_VOTES, SpinValues.jsonValue(ballot.toJson(titles).toString()).create());
    task.setVariableLocal(VAR_APPROVED, ballot.approvesAll());
  }
}
