package mx.cocreacion.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mx.cocreacion.validation.MexicanDates;

/**
 * A change to an approved commitment the STL proposed with its reason (an activity added, an activity's due date
 * moved, an activity's indicator corrected), the titulars' votes on it and what they decided. An approved
 * amendment made {@code version} of the commitment.
 */
public record Amendment(
    long id,
    int commitment,
    String kind,
    int activity,
    Change change,
    String reason,
    String proposedBy,
    Instant proposedAt,
    String status,
    Instant decidedAt,
    Integer version,
    List<Vote> votes) {

  public static final String ADD_ACTIVITY = "add-activity";
  public static final String MOVE_DUE_DATE = "move-due-date";
  public static final String CORRECT_INDICATOR = "correct-indicator";
  public static final List<String> KINDS = List.of(ADD_ACTIVITY, MOVE_DUE_DATE, CORRECT_INDICATOR);

  public static final String PROPOSED = "proposed";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  /**
   * What changes. {@code add-activity}: the new activity ({@code title}, {@code product}, {@code indicator},
   * {@code baseline}, {@code target}, {@code dueDate}); {@code move-due-date}: {@code dueDate}, and the activity's {@code title} and
   * {@code previousDueDate} when it was proposed; {@code correct-indicator}: {@code indicator}, and
   * {@code title} and {@code previousIndicator}.
   */
  public record Change(String title, String product, String indicator, String baseline, String target,
      LocalDate dueDate, String previousIndicator, LocalDate previousDueDate) {}

  /** A titular's vote. */
  public record Vote(String voter, boolean approved, String comments) {}

  /** The kind in words: «Agregar una actividad». */
  public static String kindLabel(String kind) {
    return switch (kind) {
      case ADD_ACTIVITY -> "Agregar una actividad";
      case MOVE_DUE_DATE -> "Mover la fecha de una actividad";
      case CORRECT_INDICATOR -> "Corregir el indicador de una actividad";
      default -> kind;
    };
  }

  /** The status in words: «Aprobada», «Rechazada», «En votación». */
  public String statusLabel() {
    return switch (status) {
      case APPROVED -> "Aprobada";
      case REJECTED -> "Rechazada";
      default -> "En votación";
    };
  }

  /** What changes, in one sentence a person reads («Mover la fecha de la actividad 2 «…» del … al …»). */
  public String description() {
    return switch (kind) {
      case ADD_ACTIVITY -> "Agregar la actividad " + activity + " «" + change.title() + "» (producto: " + change.product()
          + "; indicador: " + change.indicator()
          + (change.baseline() == null ? "" : "; línea base: " + change.baseline()) + "; meta: " + change.target()
          + "; fecha compromiso: " + MexicanDates.longDate(change.dueDate()) + ")";
      case MOVE_DUE_DATE -> "Mover la fecha compromiso de la actividad " + activity + " «" + change.title() + "» del "
          + MexicanDates.longDate(change.previousDueDate()) + " al " + MexicanDates.longDate(change.dueDate());
      case CORRECT_INDICATOR -> "Corregir el indicador de la actividad " + activity + " «" + change.title() + "»: de «"
          + change.previousIndicator() + "» a «" + change.indicator() + "»";
      default -> kindLabel(kind);
    };
  }

  public long votesFor() {
    return votes.stream().filter(Vote::approved).count();
  }

  public long votesAgainst() {
    return votes.size() - votesFor();
  }
}
