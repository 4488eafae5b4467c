package mx.cocreacion.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminders sent ({@code cc_reminder}): written in the transaction of the reminder job, so a
 * reminder whose e-mail failed leaves no row and the retry numbers it again.
 */
@Repository
public class ReminderRepository {

  private final JdbcClient jdbc;

  public ReminderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many reminders a task got and when the last one was sent (null: none), in one query. */
  public record Tally(int count, Instant last) {}

  public Tally tally(String taskId) {
    return jdbc.sql("select count(*), max(sent_at) from cc_reminder where task_id = :t").param("t", taskId)
        .query((rs, row) -> new Tally(rs.getInt(1), instant(rs.getTimestamp(2)))).single();
  }

  /**
   * Records the notice before the task's due date ({@code cc_reminder_notice}, design {@code sweeper}).
   *
   * @return false when it was already recorded (nothing written)
   */
  public boolean recordNotice(String taskId, Instant due, Instant sentAt) {
    boolean sent = jdbc.sql("select count(*) from cc_reminder_notice where task_id = :t").param("t", taskId)
        .query(Integer.class).single() > 0;
    if (sent) {
      return false;
    }
    jdbc.sql("insert into cc_reminder_notice (task_id, due_date, sent_at) values (:t, :due, :sent)")
        .param("t", taskId).param("due", ts(due)).param("sent", ts(sentAt)).update();
    return true;
  }

  public void insert(Reminder r) {
    jdbc.sql("""
            insert into cc_reminder (exercise_id, task_id, task_key, task_name, sequence, recipients,
              escalated, sent_at, due_date)
            values (:exercise, :task, :key, :name, :seq, :recipients, :escalated, :sent, :due)""")
        .param("exercise", r.exerciseId())
        .param("task", r.taskId())
        .param("key", r.taskKey())
        .param("name", r.taskName())
        .param("seq", r.sequence())
        .param("recipients", String.join(",", r.recipients()))
        .param("escalated", r.escalated())
        .param("sent", ts(r.sentAt()))
        .param("due", ts(r.dueDate()))
        .update();
  }

  public List<Reminder> findByTask(String taskId) {
    return jdbc.sql("select * from cc_reminder where task_id = :t order by sequence")
        .param("t", taskId).query(this::map).list();
  }

  public List<Reminder> findByExercise(String exerciseId) {
    return jdbc.sql("select * from cc_reminder where exercise_id = :e order by sent_at, id")
        .param("e", exerciseId).query(this::map).list();
  }

  private Reminder map(ResultSet rs, int row) throws SQLException {
    String recipients = rs.getString("recipients");
    return new Reminder(
        rs.getLong("id"),
        rs.getString("exercise_id"),
        rs.getString("task_id"),
        rs.getString("task_key"),
        rs.getString("task_name"),
        rs.getInt("sequence"),
        recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
        rs.getBoolean("escalated"),
        instant(rs.getTimestamp("sent_at")),
        instant(rs.getTimestamp("due_date")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
