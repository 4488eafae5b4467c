package mx.cocreacion.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mx.cocreacion.validation.Dates;

/**
 * One of INAI's evaluations of a PAL as the public record has it (microsite, open data, PDFs): the round
 * (1, 2 ... in order), whether it is the final one at the end of the PAL or the one of a year of implementation
 * ({@code year}: 1, 2 ...; null for the final), the day the period ends, the STL's self-assessment before it
 * (null when the STL did not complete it in time, or not yet) and, for a yearly round, INAI's assessment of
 * each commitment (the final one's are each commitment's {@code evaluation}).
 */
public record EvaluationRound(int round, boolean finalRound, @Schema(nullable = true) Integer year, LocalDate periodEnd,
    @Schema(nullable = true) SelfAssessment selfAssessment, @Schema(nullable = true) Instant evaluatedAt, List<YearAssessment> assessments) {

  /** What the STL said of the period: what it achieved, its difficulties and lessons (lessons optional). */
  public record SelfAssessment(String achievements, String difficulties, @Schema(nullable = true) String lessons,
      @Schema(nullable = true) LocalDate completedOn) {}

  /** INAI's yearly assessment of one commitment: completion so far (IRM scale) and notes. */
  public record YearAssessment(int commitment, String completion, String completionText, @Schema(nullable = true) String notes) {}

  /** "Año 1 de implementación" or "Evaluación final", as people read the round. */
  public String title() {
    return finalRound ? "Evaluación final" : "Año " + year + " de implementación";
  }

  static LocalDate day(Instant instant) {
    return instant == null ? null : Dates.localDate(instant);
  }
}
