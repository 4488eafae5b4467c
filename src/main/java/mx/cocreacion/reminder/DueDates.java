package mx.cocreacion.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bean {@code dueDates}, used by every user task: {@code camunda:dueDate="${dueDates.of('elect-stl')}"}.
 * Reads the engine clock, so tests that move {@code ClockUtil} move due dates too.
 */
@Component("dueDates")
public class DueDates {

  private final DueDateProperties properties;

  public DueDates(DueDateProperties properties) {
    this.properties = properties;
    // Fail at start-up, not when a task is created, if a configured duration is wrong.
    properties.tasks().forEach((key, value) -> parse(key, value));
    parse("default", properties.defaultDuration());
  }

  /** The due date of a task of this key created now. */
  public Date of(String taskKey) {
    String duration = properties.tasks().getOrDefault(taskKey, properties.defaultDuration());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return Date.from(plus(now, parse(taskKey, duration)));
  }

  /** The configured duration of a task key, for display and reminders. */
  public String durationOf(String taskKey) {
    return properties.tasks().getOrDefault(taskKey, properties.defaultDuration());
  }

  private static Object parse(String key, String value) {
    try {
      return Period.parse(value);
    } catch (DateTimeParseException notAPeriod) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "cocreacion.due-dates." + key + ": «" + value + "» no es una duración ISO 8601 (p. ej. P14D, PT48H)", e);
      }
    }
  }

  /** {@code instant} minus an ISO 8601 period or duration, in Mexico City's calendar. */
  static Instant minus(Instant instant, String amount) {
    Object parsed = parse("before-due", amount);
    ZonedDateTime local = instant.atZone(Dates.MEXICO);
    return (parsed instanceof Period p ? local.minus(p) : local.minus((Duration) parsed)).toInstant();
  }

  /** {@code instant} plus an ISO 8601 period or duration, in Mexico City's calendar. */
  static Instant plus(Instant instant, String amount) {
    return plus(instant, parse("before-due", amount));
  }

  private static Instant plus(Instant now, Object amount) {
    ZonedDateTime local = now.atZone(Dates.MEXICO);
    return (amount instanceof Period p ? local.plus(p) : local.plus((Duration) amount)).toInstant();
  }
}
