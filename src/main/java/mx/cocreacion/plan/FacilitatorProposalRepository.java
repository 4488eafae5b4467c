package mx.cocreacion.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The STL's choice of its facilitator ({@code cc_facilitator_proposal}, {@code cc_facilitator_vote}): each
 * proposal with its reason, the titulars' votes and the STL's decision. At most one proposal of an exercise is
 * in vote at a time (the model proposes, votes and counts before it proposes again).
 */
@Repository
public class FacilitatorProposalRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public FacilitatorProposalRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  /** Records a proposal of the exercise (the next round); returns its id. */
  public long propose(String exerciseId, String name, String email, String reason, String proposedBy, Instant at) {
    int round = jdbc.sql("select coalesce(max(round), 0) + 1 from cc_facilitator_proposal where exercise_id = :e")
        .param("e", exerciseId).query(Integer.class).single();
    jdbc.sql("""
            insert into cc_facilitator_proposal (exercise_id, round, name, email, reason, proposed_by, proposed_at)
            values (:e, :r, :n, :m, :why, :by, :at)""")
        .param("e", exerciseId).param("r", round).param("n", name).param("m", email).param("why", reason)
        .param("by", proposedBy).param("at", Timestamp.from(at))
        .update();
    plan.changed();
    return jdbc.sql("select id from cc_facilitator_proposal where exercise_id = :e and round = :r")
        .param("e", exerciseId).param("r", round).query(Long.class).single();
  }

  /** The proposal of the exercise in vote, if any. */
  public Optional<FacilitatorProposal> inVote(String exerciseId) {
    return latest(exerciseId).filter(p -> FacilitatorProposal.PROPOSED.equals(p.status()));
  }

  /** The exercise's last proposal. */
  public Optional<FacilitatorProposal> latest(String exerciseId) {
    List<FacilitatorProposal> all = all(exerciseId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Every proposal of the exercise with its votes, in the order they were made. */
  public List<FacilitatorProposal> all(String exerciseId) {
    return jdbc.sql("select * from cc_facilitator_proposal where exercise_id = :e order by round")
        .param("e", exerciseId).query((rs, row) -> proposal(rs, List.of())).list().stream()
        .map(p -> new FacilitatorProposal(p.id(), p.round(), p.name(), p.email(), p.reason(), p.proposedBy(),
            p.proposedAt(), p.status(), p.decidedAt(), votes(p.id())))
        .toList();
  }

  /** A titular's vote (once per proposal: the table refuses a second one). */
  public void vote(long proposalId, FacilitatorProposal.Vote vote) {
    jdbc.sql("""
            insert into cc_facilitator_vote (proposal_id, voter, approved, comments, voted_at)
            values (:p, :v, :ok, :c, :at)""")
        .param("p", proposalId).param("v", vote.voter()).param("ok", vote.approved())
        .param("c", vote.comments()).param("at", Timestamp.from(vote.votedAt()))
        .update();
  }

  /** The STL's decision: {@link FacilitatorProposal#APPROVED} or {@link FacilitatorProposal#REJECTED}. */
  public void decide(long proposalId, String status, Instant at) {
    jdbc.sql("update cc_facilitator_proposal set status = :s, decided_at = :at where id = :p and status = 'proposed'")
        .param("s", status).param("at", Timestamp.from(at)).param("p", proposalId).update();
    plan.changed();
  }

  private List<FacilitatorProposal.Vote> votes(long proposalId) {
    return jdbc.sql("select * from cc_facilitator_vote where proposal_id = :p order by voted_at, voter")
        .param("p", proposalId)
        .query((rs, row) -> new FacilitatorProposal.Vote(rs.getString("voter"), rs.getBoolean("approved"),
            rs.getString("comments"), rs.getTimestamp("voted_at").toInstant()))
        .list();
  }

  private static FacilitatorProposal proposal(ResultSet rs, List<FacilitatorProposal.Vote> votes) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new FacilitatorProposal(rs.getLong("id"), rs.getInt("round"), rs.getString("name"), rs.getString("email"),
        rs.getString("reason"), rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(),
        rs.getString("status"), decided == null ? null : decided.toInstant(), votes);
  }
}
