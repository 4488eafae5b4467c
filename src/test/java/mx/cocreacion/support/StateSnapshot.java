package mx.cocreacion.support;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Every row of the plan of record ({@code cc_*}) and of the engine's runtime, identity, attachment,
 * comment and operation-log tables, as text: taken before and after an attack, two snapshots must be
 * equal (nothing changed). {@link #differences} names the tables and rows that did change.
 */
public final class StateSnapshot {

  public static final List<String> TABLES = List.of(
      "cc_exercise", "cc_record", "cc_stl_member", "cc_commitment", "cc_activity", "cc_approval_vote",
      "cc_progress_report", "cc_reminder", "cc_evidence", "cc_invitation", "cc_calendar_token",
      "cc_commitment_vote", "cc_amendment", "cc_amendment_vote", "cc_commitment_version", "cc_facilitator_proposal",
      "cc_facilitator_vote",
      "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_JOBDEF", "ACT_RU_IDENTITYLINK",
      "ACT_RU_EVENT_SUBSCR", "ACT_RU_INCIDENT", "ACT_RU_EXT_TASK", "ACT_RU_BATCH", "ACT_RU_AUTHORIZATION",
      "ACT_RU_FILTER", "ACT_HI_ATTACHMENT", "ACT_HI_COMMENT", "ACT_HI_OP_LOG", "ACT_ID_USER_NAMES",
      "ACT_ID_MEMBERSHIP", "ACT_ID_TENANT_MEMBER", "ACT_ID_GROUP", "ACT_ID_TENANT", "ACT_RE_DEPLOYMENT",
      "ACT_RE_PROCDEF");

  /** The plan of record and the engine's variables: what a refused completion must leave as it was. */
  public static final List<String> PLAN_AND_VARIABLES = List.of(
      "cc_exercise", "cc_record", "cc_stl_member", "cc_commitment", "cc_activity", "cc_approval_vote",
      "cc_progress_report", "cc_evidence", "cc_commitment_vote", "cc_amendment", "cc_amendment_vote",
      "cc_facilitator_proposal", "cc_facilitator_vote", "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_ID_USER_NAMES");

  private final Map<String, SortedSet<String>> rows;

  private StateSnapshot(Map<String, SortedSet<String>> rows) {
    this.rows = rows;
  }

  public static StateSnapshot take(DataSource dataSource) {
    return take(dataSource, TABLES);
  }

  public static StateSnapshot take(DataSource dataSource, List<String> tables) {
    Map<String, SortedSet<String>> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables) {
        // Users: who they are, not their login attempts (a wrong password is counted, and that is fine).
        String sql = table.equals("ACT_ID_USER_NAMES")
            ? "select ID_, FIRST_, LAST_, EMAIL_, PWD_ from ACT_ID_USER" : "select * from " + table;
        SortedSet<String> lines = new TreeSet<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              cells.add(meta.getColumnLabel(i).toLowerCase() + "=" + text(rs.getObject(i)));
            }
            lines.add(String.join("|", cells));
          }
        }
        rows.put(table, lines);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take a snapshot: " + e.getMessage(), e);
    }
    return new StateSnapshot(rows);
  }

  private static String text(Object value) throws SQLException {
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (value instanceof Blob blob) {
      value = blob.getBytes(1, (int) blob.length());
    }
    return value instanceof byte[] bytes ? "bytes(" + bytes.length + "," + Arrays.hashCode(bytes) + ")"
        : String.valueOf(value);
  }

  /** What changed from this snapshot to {@code after}: one line per added or removed row (empty: nothing). */
  public List<String> differences(StateSnapshot after) {
    List<String> changes = new ArrayList<>();
    for (String table : rows.keySet()) {
      SortedSet<String> removed = new TreeSet<>(rows.get(table));
      removed.removeAll(after.rows.get(table));
      SortedSet<String> added = new TreeSet<>(after.rows.get(table));
      added.removeAll(rows.get(table));
      removed.forEach(r -> changes.add(table + " - " + r));
      added.forEach(r -> changes.add(table + " + " + r));
    }
    return changes;
  }

  public int size() {
    return rows.values().stream().mapToInt(SortedSet::size).sum();
  }
}
