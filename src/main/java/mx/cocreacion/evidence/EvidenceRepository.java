package mx.cocreacion.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import mx.cocreacion.plan.PlanEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence index ({@code cc_evidence}): files copied when produced, and external links. */
@Repository
public class EvidenceRepository {

  /** A stored file, for download. */
  public record StoredFile(String exerciseId, String fileName, String contentType, byte[] content) {}

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public EvidenceRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  /** Stores a file; returns its id. */
  public String addFile(String exerciseId, int step, String source, String fileName, String contentType,
      byte[] content, String taskId, Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into cc_evidence (id, exercise_id, step, source, file_name, content_type, size_bytes, content,
              task_id, recorded_at)
            values (:id, :e, :s, :src, :n, :ct, :sz, :c, :t, :at)""")
        .param("id", id).param("e", exerciseId).param("s", step).param("src", source).param("n", fileName)
        .param("ct", contentType).param("sz", (long) content.length).param("c", content).param("t", taskId)
        .param("at", Timestamp.from(at))
        .update();
    plan.changed();
    return id;
  }

  /** Stores an external link; returns its id. */
  public String addLink(String exerciseId, int step, String source, String url, String taskId, Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into cc_evidence (id, exercise_id, step, source, external_url, task_id, recorded_at)
            values (:id, :e, :s, :src, :u, :t, :at)""")
        .param("id", id).param("e", exerciseId).param("s", step).param("src", source).param("u", url)
        .param("t", taskId).param("at", Timestamp.from(at))
        .update();
    plan.changed();
    return id;
  }

  /**
   * The evidence of an exercise, by step then time, without the contents. {@code downloadBase}
   * is the URL prefix the app serves files at (e.g. {@code /micrositio/oax/evidencia/}).
   */
  public List<EvidenceItem> list(String exerciseId, String downloadBase) {
    return jdbc.sql("""
            select id, file_name, content_type, size_bytes, source, step, recorded_at, external_url
            from cc_evidence where exercise_id = :e order by step, recorded_at, id""")
        .param("e", exerciseId)
        .query((rs, row) -> {
          String url = rs.getString("external_url");
          String id = rs.getString("id");
          return new EvidenceItem(id, rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
              rs.getString("source"), rs.getInt("step"), rs.getTimestamp("recorded_at").toInstant(),
              url != null ? url : downloadBase + id);
        })
        .list();
  }

  public Optional<StoredFile> file(String id) {
    return jdbc.sql("select exercise_id, file_name, content_type, content from cc_evidence where id = :id and content is not null")
        .param("id", id)
        .query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
        .optional();
  }
}
