package mx.cocreacion.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monitoring and evaluation results per commitment, and the starred ones ({@code cc_commitment}). */
@Repository
public class AssessmentRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public AssessmentRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  public void recordMonitoring(String exerciseId, int commitment, boolean verifiable, boolean relevant,
      String potentialImpact, String notes) {
    jdbc.sql("""
            update cc_commitment set verifiable = :v, relevant = :r, potential_impact = :i, monitoring_notes = :n
            where exercise_id = :e and position = :p""")
        .param("v", verifiable).param("r", relevant).param("i", potentialImpact).param("n", notes)
        .param("e", exerciseId).param("p", commitment).update();
    plan.changed();
  }

  public void recordEvaluation(String exerciseId, int commitment, String completion, String openedGovernment,
      String notes) {
    jdbc.sql("""
            update cc_commitment set completion = :c, opened_government = :o, evaluation_notes = :n
            where exercise_id = :e and position = :p""")
        .param("c", completion).param("o", openedGovernment).param("n", notes)
        .param("e", exerciseId).param("p", commitment).update();
    plan.changed();
  }

  public List<Assessment> assessments(String exerciseId) {
    return jdbc.sql("""
            select position, verifiable, relevant, potential_impact, monitoring_notes, completion, opened_government,
              evaluation_notes, starred
            from cc_commitment where exercise_id = :e and approved = true order by position""")
        .param("e", exerciseId)
        .query((rs, row) -> new Assessment(rs.getInt(1), (Boolean) rs.getObject(2), (Boolean) rs.getObject(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9)))
        .list();
  }

  public void markStarred(String exerciseId, int commitment, boolean starred) {
    jdbc.sql("update cc_commitment set starred = :s where exercise_id = :e and position = :p")
        .param("s", starred).param("e", exerciseId).param("p", commitment).update();
    plan.changed();
  }

  public void markMonitored(String exerciseId, Instant at) {
    jdbc.sql("update cc_exercise set monitored_at = :a where id = :e").param("a", Timestamp.from(at))
        .param("e", exerciseId).update();
    plan.changed();
  }

  public void markEvaluated(String exerciseId, Instant at) {
    jdbc.sql("update cc_exercise set evaluated_at = :a where id = :e").param("a", Timestamp.from(at))
        .param("e", exerciseId).update();
    plan.changed();
  }
}
