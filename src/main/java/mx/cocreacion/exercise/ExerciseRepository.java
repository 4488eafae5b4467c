package mx.cocreacion.exercise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.plan.PlanEvents;
import mx.cocreacion.plan.PlanReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exercises of the plan of record ({@code cc_exercise}). */
@Repository
public class ExerciseRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;
  private final PlanReads reads;

  public ExerciseRepository(JdbcClient jdbc, PlanEvents plan, PlanReads reads) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.reads = reads;
  }

  public void insert(Exercise e) {
    jdbc.sql("""
            insert into cc_exercise (id, business_key, active_key, tenant_id, exercise_year, name,
              guarantor_body, started_by, started_at, current_step)
            values (:id, :key, :key, :tenant, :year, :name, :body, :by, :at, 1)""")
        .param("id", e.id())
        .param("key", e.businessKey())
        .param("tenant", e.tenantId())
        .param("year", e.year())
        .param("name", e.name())
        .param("body", e.guarantorBody())
        .param("by", e.startedBy())
        .param("at", ts(e.startedAt()))
        .update();
    plan.changed();
  }

  public boolean isKeyActive(String businessKey) {
    return jdbc.sql("select count(*) from cc_exercise where active_key = :key")
            .param("key", businessKey)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The exercise (read once per transaction: {@link PlanReads}). */
  public Optional<Exercise> findById(String id) {
    return reads.once("exercise:" + id,
        () -> jdbc.sql("select * from cc_exercise where id = :id").param("id", id).query(this::map).optional());
  }

  public List<Exercise> findByTenant(String tenantId) {
    return jdbc.sql("select * from cc_exercise where tenant_id = :t order by started_at desc")
        .param("t", tenantId)
        .query(this::map)
        .list();
  }

  public void close(String id, Instant at) {
    jdbc.sql("update cc_exercise set active_key = null, ended_at = :at where id = :id")
        .param("at", ts(at))
        .param("id", id)
        .update();
    plan.changed();
  }

  public void enterStep(String id, int step) {
    jdbc.sql("update cc_exercise set current_step = :s where id = :id").param("s", step).param("id", id).update();
    plan.changed();
  }

  /** The day the joint declaration was signed (its last signature). */
  public void recordDeclarationDate(String id, Instant date) {
    recordDay(id, "declaration_date", Timestamp.from(date));
  }

  /** The day of the last working table. */
  public void recordLastTableDate(String id, Instant date) {
    recordDay(id, "last_table_date", Timestamp.from(date));
  }

  /**
   * The STL's installation meeting as the organismo garante convened it: day, place, other invitees (may be
   * null) and whether the local actors registered in step 2 are invited.
   */
  public void recordMeeting(String id, Date day, String place, String invitees, boolean invitesActors) {
    jdbc.sql("""
            update cc_exercise set meeting_date = :d, meeting_place = :p, meeting_invitees = :i,
              meeting_invites_actors = :a where id = :id""")
        .param("d", ts(day))
        .param("p", place)
        .param("i", invitees)
        .param("a", invitesActors)
        .param("id", id)
        .update();
    plan.changed();
  }

  /** Sets one of the exercise's milestone days ({@code column} is one of the callers' constants). */
  private void recordDay(String id, String column, Timestamp day) {
    jdbc.sql("update cc_exercise set " + column + " = :d where id = :id")
        .param("d", day)
        .param("id", id)
        .update();
    plan.changed();
  }

  public void recordRules(String id, String decisionRule) {
    jdbc.sql("update cc_exercise set decision_rule = :r where id = :id").param("r", decisionRule).param("id", id).update();
    plan.changed();
  }

  public void recordFacilitator(String id, String name) {
    jdbc.sql("update cc_exercise set facilitator_name = :n where id = :id").param("n", name).param("id", id).update();
    plan.changed();
  }

  public void recordPalDates(String id, Date start, Date end, String justification) {
    jdbc.sql("update cc_exercise set pal_start = :s, pal_end = :e, duration_justification = :j where id = :id")
        .param("s", ts(start))
        .param("e", ts(end))
        .param("j", justification)
        .param("id", id)
        .update();
    plan.changed();
  }

  public void recordLaunch(String id, Date launchDate, String place) {
    jdbc.sql("update cc_exercise set launch_date = :d, launch_place = :p where id = :id")
        .param("d", ts(launchDate))
        .param("p", place)
        .param("id", id)
        .update();
    plan.changed();
  }

  private Exercise map(ResultSet rs, int row) throws SQLException {
    return new Exercise(
        rs.getString("id"),
        rs.getString("business_key"),
        rs.getString("tenant_id"),
        rs.getInt("exercise_year"),
        rs.getString("name"),
        rs.getString("guarantor_body"),
        rs.getString("started_by"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        rs.getInt("current_step"),
        instant(rs, "declaration_date"),
        instant(rs, "meeting_date"),
        rs.getString("meeting_place"),
        rs.getString("meeting_invitees"),
        rs.getBoolean("meeting_invites_actors"),
        instant(rs, "last_table_date"),
        rs.getString("decision_rule"),
        rs.getString("facilitator_name"),
        instant(rs, "pal_start"),
        instant(rs, "pal_end"),
        rs.getString("duration_justification"),
        instant(rs, "launch_date"),
        rs.getString("launch_place"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Timestamp ts(Date d) {
    return d == null ? null : new Timestamp(d.getTime());
  }
}
