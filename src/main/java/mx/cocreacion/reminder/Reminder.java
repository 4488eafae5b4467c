package mx.cocreacion.reminder;

import java.time.Instant;
import java.util.List;

/** One reminder sent for an overdue task ({@code cc_reminder}). */
public record Reminder(
    Long id,
    String exerciseId,
    String taskId,
    String taskKey,
    String taskName,
    int sequence,
    List<String> recipients,
    boolean escalated,
    Instant sentAt,
    Instant dueDate) {

  public Reminder {
    recipients = List.copyOf(recipients);
  }
}
