package mx.cocreacion.reminder;

import java.time.Instant;
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
}
