package mx.cocreacion.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Implementation of the plan of record: activity statuses, the progress of each commitment
 * (share of its activities done, stored so pages read it without scanning history) and the
 * dated progress reports ({@code cc_progress_report}).
 */
@Repository
public class ImplementationRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public ImplementationRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  public int activityCount(String exerciseId, int commitment) {
    return jdbc.sql("""
            select count(*) from cc_activity a join cc_commitment c on c.id = a.commitment_id
            where c.exercise_id = :e and c.position = :p""")
        .param("e", exerciseId).param("p", commitment).query(Integer.class).single();
  }

  /** Sets the statuses of the given activities and returns the commitment's new progress (0..1). */
  public double updateStatuses(String exerciseId, int commitment, Map<Integer, String> statusByActivity) {
    long commitmentId = jdbc.sql("select id from cc_commitment where exercise_id = :e and position = :p")
        .param("e", exerciseId).param("p", commitment).query(Long.class).single();
    statusByActivity.forEach((activity, status) -> jdbc.sql(
            "update cc_activity set status = :s where commitment_id = :c and position = :a")
        .param("s", status).param("c", commitmentId).param("a", activity).update());
    int total = jdbc.sql("select count(*) from cc_activity where commitment_id = :c")
        .param("c", commitmentId).query(Integer.class).single();
    int done = jdbc.sql("select count(*) from cc_activity where commitment_id = :c and status = 'done'")
        .param("c", commitmentId).query(Integer.class).single();
    BigDecimal progress = total == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    jdbc.sql("update cc_commitment set progress = :p where id = :c").param("p", progress).param("c", commitmentId).update();
    plan.changed();
    return progress.doubleValue();
  }

  public double progress(String exerciseId, int commitment) {
    return jdbc.sql("select progress from cc_commitment where exercise_id = :e and position = :p")
        .param("e", exerciseId).param("p", commitment).query(BigDecimal.class).single().doubleValue();
  }

  /** Progress of the PAL: the mean of its commitments' progress (0..1). */
  public double palProgress(String exerciseId) {
    BigDecimal mean = jdbc.sql("select avg(progress) from cc_commitment where exercise_id = :e and approved = true")
        .param("e", exerciseId).query(BigDecimal.class).optional().orElse(null);
    return mean == null ? 0 : mean.doubleValue();
  }

  /**
   * The tenant and the id of the file published with a report (columns 9 and 10): the file it carried (its name is the
   * report's {@code evidence_name}), else the first file attached to its task; null when it published none.
   */
  private static final String EVIDENCE_FILE = """
      (select x.tenant_id from cc_exercise x where x.id = r.exercise_id) as tenant_id,
      (select min(v.id) from cc_evidence v where v.exercise_id = r.exercise_id and v.task_id = r.task_id
        and v.external_url is null and (r.evidence_name is null or v.file_name = r.evidence_name)) as evidence_file
      """;

  public int addReport(String exerciseId, int commitment, String taskId, String reportedBy, Instant at,
      String statusesJson, double progress, String evidenceUrl, String evidenceName, String narrative) {
    int number = jdbc.sql("""
            select coalesce(max(report_number), 0) + 1 from cc_progress_report
            where exercise_id = :e and commitment_position = :p""")
        .param("e", exerciseId).param("p", commitment).query(Integer.class).single();
    jdbc.sql("""
            insert into cc_progress_report (exercise_id, commitment_position, report_number, task_id, reported_by,
              reported_at, statuses, progress, evidence_url, evidence_name, narrative)
            values (:e, :p, :n, :t, :b, :at, :s, :pr, :u, :f, :r)""")
        .param("e", exerciseId).param("p", commitment).param("n", number).param("t", taskId).param("b", reportedBy)
        .param("at", Timestamp.from(at)).param("s", statusesJson).param("pr", BigDecimal.valueOf(progress))
        .param("u", evidenceUrl).param("f", evidenceName).param("r", narrative)
        .update();
    plan.changed();
    return number;
  }

  public List<ProgressReport> reports(String exerciseId, int commitment) {
    return jdbc.sql("""
            select report_number, reported_at, reported_by, progress, statuses, evidence_url, evidence_name, narrative,
              """ + EVIDENCE_FILE + """
            from cc_progress_report r where exercise_id = :e and commitment_position = :p order by report_number""")
        .param("e", exerciseId).param("p", commitment)
        .query(ImplementationRepository::report)
        .list();
  }

  /** The progress reports of every commitment of the exercise, by commitment position (one query). */
  public Map<Integer, List<ProgressReport>> reportsByCommitment(String exerciseId) {
    Map<Integer, List<ProgressReport>> reports = new LinkedHashMap<>();
    jdbc.sql("""
            select report_number, reported_at, reported_by, progress, statuses, evidence_url, evidence_name,
              narrative,
              """ + EVIDENCE_FILE + """
              , commitment_position
            from cc_progress_report r where exercise_id = :e order by commitment_position, report_number""")
        .param("e", exerciseId)
        .query(rs -> {
          reports.computeIfAbsent(rs.getInt(11), p -> new ArrayList<>()).add(report(rs, 0));
        });
    return reports;
  }

  /** The progress (0..1) of every commitment of the exercise, by position (one query). */
  public Map<Integer, Double> progressByCommitment(String exerciseId) {
    Map<Integer, Double> progress = new HashMap<>();
    jdbc.sql("select position, progress from cc_commitment where exercise_id = :e")
        .param("e", exerciseId)
        .query(rs -> {
          progress.put(rs.getInt(1), rs.getBigDecimal(2).doubleValue());
        });
    return progress;
  }

  private static ProgressReport report(ResultSet rs, int row) throws SQLException {
    String file = rs.getString(10);
    return new ProgressReport(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
        rs.getBigDecimal(4).doubleValue(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        file == null ? null : PublicPaths.evidence(rs.getString(9), file));
  }
}
