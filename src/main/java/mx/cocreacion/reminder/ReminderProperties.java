package mx.cocreacion.reminder;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminders of overdue user tasks ({@code cocreacion.reminders}).
 *
 * @param period how often a reminder repeats while the task stays open, ISO 8601 (default {@code P7D})
 * @param from sender of the e-mails
 * @param retryCycle back-off between attempts when the mail server fails: a comma-separated list of
 *     ISO 8601 durations (one retry per entry) or {@code R<n>/<duration>}; when the retries run out
 *     the job gets an incident in Cockpit
 * @param recipientsCache how long the members of a group and a user's e-mail are reused by the
 *     reminders ({@link ReminderRecipients}; default one minute, {@code PT0S} = read each time)
 * @param smtpKeepAlive how long a sending thread keeps its SMTP connection open after a reminder for
 *     the next one ({@link SmtpConnections}; default 10 seconds, {@code PT0S} = a connection per e-mail)
 * @param beforeDue how long before a task falls due its candidates get a notice that it is coming
 *     ({@link ReminderSender#notice}; default {@code P3D}, {@code P0D} = no notice)
 * @param design how reminders fall due: only {@code sweeper} (one cluster-wide sweep job finds the due reminders and
 *     notices by query and creates one send job per task, {@link ReminderSweep}); the design {@code timers} (a timer
 *     per user task) was retired in issue 19, and naming it stops the start-up with a message rather than being
 *     ignored
 * @param sweepEvery how often the sweep runs (default one minute)
 * @param sweepBatch at most this many send jobs per sweep; a full batch runs the sweep again at once
 */
@ConfigurationProperties("cocreacion.reminders")
public record ReminderProperties(String period, String from, String retryCycle, Duration recipientsCache,
    Duration smtpKeepAlive, String beforeDue, String design, Duration sweepEvery, Integer sweepBatch) {

  public ReminderProperties {
    design = blank(design) ? "sweeper" : design.trim();
    if (!"sweeper".equalsIgnoreCase(design)) {
      throw new IllegalArgumentException("cocreacion.reminders.design: «" + design + "» ya no existe; los "
          + "recordatorios los envía el barrido (sweeper), el único diseño desde la issue 19: quite la propiedad");
    }
    sweepEvery = sweepEvery == null ? Duration.ofMinutes(1) : sweepEvery;
    if (sweepEvery.isNegative() || sweepEvery.isZero()) {
      throw new IllegalArgumentException("cocreacion.reminders.sweep-every: «" + sweepEvery + "» debe ser positiva");
    }
    sweepBatch = sweepBatch == null ? 500 : sweepBatch;
    if (sweepBatch < 1) {
      throw new IllegalArgumentException("cocreacion.reminders.sweep-batch: «" + sweepBatch + "» debe ser al menos 1");
    }
    recipientsCache = recipientsCache == null ? Duration.ofMinutes(1) : recipientsCache;
    if (recipientsCache.isNegative()) {
      throw new IllegalArgumentException("cocreacion.reminders.recipients-cache: «" + recipientsCache + "» es negativa");
    }
    smtpKeepAlive = smtpKeepAlive == null ? Duration.ofSeconds(10) : smtpKeepAlive;
    if (smtpKeepAlive.isNegative()) {
      throw new IllegalArgumentException("cocreacion.reminders.smtp-keep-alive: «" + smtpKeepAlive + "» es negativa");
    }
    period = blank(period) ? "P7D" : period.trim();
    from = blank(from) ? "Cocreación desde lo local <no-responder@cocreacion.mx>" : from.trim();
    retryCycle = blank(retryCycle) ? "PT1M,PT5M,PT15M,PT1H" : retryCycle.trim();
    beforeDue = blank(beforeDue) ? "P3D" : beforeDue.trim();
    checkDuration("period", period);
    checkDuration("before-due", beforeDue);
    for (String interval : retryCycle.replaceFirst("^R\\d+/", "").split("\\s*,\\s*")) {
      checkDuration("retry-cycle", interval);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static void checkDuration(String key, String value) {
    try {
      Period.parse(value);
    } catch (DateTimeParseException notAPeriod) {
      try {
        Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "cocreacion.reminders." + key + ": «" + value + "» no es una duración ISO 8601 (p. ej. P7D, PT1H)", e);
      }
    }
  }
}
