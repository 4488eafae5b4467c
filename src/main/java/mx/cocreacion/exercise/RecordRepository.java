package mx.cocreacion.exercise;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import mx.cocreacion.plan.PlanEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The minutes of an exercise ({@code cc_record}): what a task submitted (signatures, outreach,
 * rules, agenda, working tables...), kept as JSON with who and when.
 */
@Repository
public class RecordRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public RecordRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  public void add(String exerciseId, String kind, String taskId, String recordedBy, Instant at, String json) {
    jdbc.sql("""
            insert into cc_record (exercise_id, kind, task_id, recorded_by, recorded_at, payload)
            values (:e, :k, :t, :b, :a, :p)""")
        .param("e", exerciseId)
        .param("k", kind)
        .param("t", taskId)
        .param("b", recordedBy)
        .param("a", Timestamp.from(at))
        .param("p", json)
        .update();
    plan.changed();
  }

  public List<String> payloads(String exerciseId, String kind) {
    return jdbc.sql("select payload from cc_record where exercise_id = :e and kind = :k order by id")
        .param("e", exerciseId)
        .param("k", kind)
        .query(String.class)
        .list();
  }
}
