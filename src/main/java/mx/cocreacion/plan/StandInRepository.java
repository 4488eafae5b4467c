package mx.cocreacion.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The vote tasks suplentes took over ({@code cc_stand_in}), one row per task. */
@Repository
public class StandInRepository {

  private static final String COLUMNS = """
      task_id, exercise_id, task_key, task_name, sector, seat_user_id, stand_in_user_id, reason, taken_at, voted_at""";

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public StandInRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  public void add(StandIn s) {
    jdbc.sql("insert into cc_stand_in (" + COLUMNS + ") values (:t, :e, :k, :n, :s, :seat, :by, :r, :at, null)")
        .param("t", s.taskId())
        .param("e", s.exerciseId())
        .param("k", s.taskKey())
        .param("n", s.taskName())
        .param("s", s.sector())
        .param("seat", s.seatUserId())
        .param("by", s.standInUserId())
        .param("r", s.reason())
        .param("at", Timestamp.from(s.takenAt()))
        .update();
  }

  /** The stand-in of an open or voted task, if a suplente took it over. */
  public Optional<StandIn> ofTask(String taskId) {
    return jdbc.sql("select " + COLUMNS + " from cc_stand_in where task_id = :t").param("t", taskId)
        .query(StandInRepository::row).optional();
  }

  /** A stand-in given back before the vote: as if it never happened. */
  public void remove(String taskId) {
    jdbc.sql("delete from cc_stand_in where task_id = :t and voted_at is null").param("t", taskId).update();
  }

  public void voted(String taskId, Instant at) {
    jdbc.sql("update cc_stand_in set voted_at = :at where task_id = :t").param("t", taskId)
        .param("at", Timestamp.from(at)).update();
    plan.changed();
  }

  /** The votes suplentes cast in the exercise, oldest first (the public record). */
  public List<StandIn> votedIn(String exerciseId) {
    return jdbc.sql("select " + COLUMNS + " from cc_stand_in where exercise_id = :e and voted_at is not null "
            + "order by voted_at, task_id")
        .param("e", exerciseId)
        .query(StandInRepository::row).list();
  }

  private static StandIn row(ResultSet rs, int n) throws SQLException {
    Timestamp voted = rs.getTimestamp(10);
    return new StandIn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
        voted == null ? null : voted.toInstant());
  }
}
