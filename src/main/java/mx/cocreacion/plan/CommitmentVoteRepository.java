package mx.cocreacion.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The STL's votes per commitment ({@code cc_commitment_vote}): who approved or returned which commitment in
 * which round of step 4, and why. The approval history the open data publishes with each commitment.
 */
@Repository
public class CommitmentVoteRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public CommitmentVoteRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  /** Records a titular's votes of one round (one per commitment of the vote). */
  public void add(String exerciseId, int round, String userId, List<Vote> votes, Instant at) {
    for (Vote v : votes) {
      jdbc.sql("""
              insert into cc_commitment_vote (exercise_id, round, commitment_position, user_id, approved, comments, voted_at)
              values (:e, :r, :p, :u, :a, :c, :at)""")
          .param("e", exerciseId)
          .param("r", round)
          .param("p", v.position())
          .param("u", userId)
          .param("a", v.approved())
          .param("c", v.comments())
          .param("at", Timestamp.from(at))
          .update();
    }
    plan.changed();
  }

  /** Every vote of the exercise, by round, commitment and seat order. */
  public List<CommitmentVote> ofExercise(String exerciseId) {
    return query(exerciseId, null);
  }

  /** The votes of one round. */
  public List<CommitmentVote> round(String exerciseId, int round) {
    return query(exerciseId, round);
  }

  private List<CommitmentVote> query(String exerciseId, Integer round) {
    return jdbc.sql("""
            select v.round, v.commitment_position, v.user_id,
                   (select max(m.name) from cc_stl_member m where m.exercise_id = v.exercise_id and m.user_id = v.user_id),
                   (select max(m.sector) from cc_stl_member m where m.exercise_id = v.exercise_id and m.user_id = v.user_id),
                   v.approved, v.comments, v.voted_at
            from cc_commitment_vote v
            where v.exercise_id = :e and (cast(:r as integer) is null or v.round = :r)
            order by v.round, v.commitment_position, v.id""")
        .param("e", exerciseId)
        .param("r", round)
        .query((rs, row) -> new CommitmentVote(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** One titular's vote on one commitment, as a completion submits it. */
  public record Vote(int position, boolean approved, String comments) {}
}
