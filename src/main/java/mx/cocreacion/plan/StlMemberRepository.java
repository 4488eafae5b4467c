package mx.cocreacion.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The elected STL of each exercise ({@code cc_stl_member}); a re-election keeps the former rows inactive. */
@Repository
public class StlMemberRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;
  private final PlanReads reads;

  public StlMemberRepository(JdbcClient jdbc, PlanEvents plan, PlanReads reads) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.reads = reads;
  }

  public void replace(String exerciseId, List<StlMember> members, Instant electedAt) {
    jdbc.sql("update cc_stl_member set active = false where exercise_id = :e").param("e", exerciseId).update();
    for (StlMember m : members) {
      jdbc.sql("""
              insert into cc_stl_member (exercise_id, position, name, email, sector, member_role, user_id, elected_at, active)
              values (:e, :p, :n, :m, :s, :r, :u, :at, true)""")
          .param("e", exerciseId)
          .param("p", m.position())
          .param("n", m.name())
          .param("m", m.email())
          .param("s", m.sector())
          .param("r", m.role())
          .param("u", m.userId())
          .param("at", Timestamp.from(electedAt))
          .update();
    }
    plan.changed();
  }

  /** The STL's members in their seats, in order (read once per transaction: {@link PlanReads}). */
  public List<StlMember> active(String exerciseId) {
    return reads.once("members:" + exerciseId, () -> List.copyOf(jdbc.sql("""
            select position, name, email, sector, member_role, user_id from cc_stl_member
            where exercise_id = :e and active = true order by position""")
        .param("e", exerciseId)
        .query((rs, row) -> new StlMember(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list()));
  }

  /**
   * The sector of each of {@code voters} (accounts, one element per vote) as the exercise's STL seated them, the
   * current seat first: whose sector a recorded vote counts for under the majority rule ({@link DecisionRule}).
   */
  public List<String> sectorsOf(String exerciseId, java.util.stream.Stream<String> voters) {
    java.util.Map<String, String> sectors = new java.util.HashMap<>();
    all(exerciseId).forEach(m -> sectors.putIfAbsent(m.userId(), m.sector()));
    return voters.map(sectors::get).toList();
  }

  /** Every member the exercise's STL ever had (a re-election keeps the former ones), the current ones first. */
  public List<StlMember> all(String exerciseId) {
    return jdbc.sql("""
            select position, name, email, sector, member_role, user_id from cc_stl_member
            where exercise_id = :e order by active desc, elected_at desc, position""")
        .param("e", exerciseId)
        .query((rs, row) -> new StlMember(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
  }

  /**
   * Whether the account is an active STL member of another running exercise (of the given tenant,
   * or of any tenant when {@code tenantId} is null): then it keeps that access on a re-election here.
   */
  public boolean activeInOtherRunningExercise(String userId, String exerciseId, String tenantId) {
    return jdbc.sql("""
            select count(*) from cc_stl_member m join cc_exercise e on e.id = m.exercise_id
            where m.user_id = :u and m.active = true and m.exercise_id <> :e and e.ended_at is null
              and (cast(:t as varchar(8)) is null or e.tenant_id = :t)""")
        .param("u", userId)
        .param("e", exerciseId)
        .param("t", tenantId)
        .query(Long.class)
        .single() > 0;
  }
}
