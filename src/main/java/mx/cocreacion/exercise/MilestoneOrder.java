package mx.cocreacion.exercise;

import java.time.Instant;
import java.time.LocalDate;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;

/**
 * The method's milestones happen in order, and the dates on the record say so: the declaration, then the STL
 * meeting, then the working tables, then the public launch. Each step refuses a date before the milestone it
 * follows (days in Mexico City; the same day is fine), so the public timeline reads in true order.
 */
public final class MilestoneOrder {

  private MilestoneOrder() {}

  /**
   * Refuses {@code date} of {@code field} when it is a day before {@code milestone} (when both are known).
   * {@code milestoneName} says which, inside a sentence: "la firma de la declaración conjunta".
   */
  public static void notBefore(TaskInput input, String field, Instant date, Instant milestone, String milestoneName) {
    if (date == null || milestone == null) {
      return;
    }
    LocalDate day = Dates.localDate(date);
    LocalDate earliest = Dates.localDate(milestone);
    if (day.isBefore(earliest)) {
      String after = milestoneName.startsWith("el ") ? "al " + milestoneName.substring(3) : "a " + milestoneName;
      input.reject(field, "no puede ser anterior " + after + " (" + MexicanDates.longDate(earliest) + ")");
    }
  }
}
