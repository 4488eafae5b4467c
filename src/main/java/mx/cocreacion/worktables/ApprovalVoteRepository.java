package mx.cocreacion.worktables;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Votes of the STL titulars on the commitments, per round ({@code cc_approval_vote}). */
@Repository
public class ApprovalVoteRepository {

  private final JdbcClient jdbc;

  public ApprovalVoteRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String exerciseId, int round, ApprovalVote vote, Instant at) {
    jdbc.sql("""
            insert into cc_approval_vote (exercise_id, round, user_id, approved, comments, voted_at)
            values (:e, :r, :u, :a, :c, :at)""")
        .param("e", exerciseId)
        .param("r", round)
        .param("u", vote.userId())
        .param("a", vote.approved())
        .param("c", vote.comments())
        .param("at", Timestamp.from(at))
        .update();
  }

  public List<ApprovalVote> round(String exerciseId, int round) {
    return jdbc.sql("select user_id, approved, comments from cc_approval_vote where exercise_id = :e and round = :r order by id")
        .param("e", exerciseId)
        .param("r", round)
        .query((rs, row) -> new ApprovalVote(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
        .list();
  }
}
