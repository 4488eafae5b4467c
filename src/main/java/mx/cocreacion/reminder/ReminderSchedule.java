package mx.cocreacion.reminder;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bean {@code reminders}: the time cycle of the reminder timer (a timeout task listener) of every
 * user task, {@code ${reminders.cycle('elect-stl')}}. The cycle starts when the task is due (the
 * same {@link DueDates} computation, on the engine clock, as the task's {@code camunda:dueDate})
 * and repeats every {@code cocreacion.reminders.period} until the task is completed, which deletes
 * the timer.
 */
@Component("reminders")
public class ReminderSchedule {

  private final DueDates dueDates;
  private final ReminderProperties properties;

  public ReminderSchedule(DueDates dueDates, ReminderProperties properties) {
    this.dueDates = dueDates;
    this.properties = properties;
  }

  /** {@code R/<due date of a task of this key created now, ISO 8601 UTC>/<period>}. */
  public String cycle(String taskKey) {
    return cycle(dueDates.of(taskKey).toInstant());
  }

  public String cycle(Instant start) {
    return "R/" + start + "/" + properties.period();
  }

  public String period() {
    return properties.period();
  }

  /**
   * When the notice that a task of this key created now is coming due goes out ({@code timeDate} of its
   * second timeout listener): {@code cocreacion.reminders.before-due} before its due date, or at the due date
   * itself when the task is shorter than that or the notice is off (then the listener sends nothing and the
   * overdue reminders take over).
   */
  public String beforeDue(String taskKey) {
    Instant due = dueDates.of(taskKey).toInstant();
    Instant notice = DueDates.minus(due, properties.beforeDue());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return (notice.isAfter(now) && notice.isBefore(due) ? notice : due).toString();
  }
}
