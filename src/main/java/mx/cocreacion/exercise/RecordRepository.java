package mx.cocreacion.exercise;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import mx.cocreacion.microsite.PublicDataCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The minutes of an exercise ({@code cc_record}): what a task submitted (signatures, outreach,
 * rules, agenda, working tables...), kept as JSON with who and when.
 */
@Repository
public class RecordRepository {

  private final JdbcClient jdbc;
  private final PublicDataCache publicData;

  public RecordRepository(JdbcClient jdbc, PublicDataCache publicData) {
    this.jdbc = jdbc;
    this.publicData = publicData;
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
    publicData.changed();
  }

  public List<String> payloads(String exerciseId, String kind) {
    return jdbc.sql("select payload from cc_record where exercise_id = :e and kind = :k order by id")
        .param("e", exerciseId)
        .param("k", kind)
        .query(String.class)
        .list();
  }
}
