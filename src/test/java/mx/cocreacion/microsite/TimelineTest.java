package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public timeline of an exercise reads in true order (issue 16). */
class TimelineTest {

  static final List<PublicMinutes.Signatory> SIGNED_ON_15_JANUARY = List.of(
      new PublicMinutes.Signatory("guarantor", "Ana", null, LocalDate.parse("2026-01-12")),
      new PublicMinutes.Signatory("society", "Beto", null, LocalDate.parse("2026-01-15")));

  @Test
  void anExerciseRegisteredAfterItsDeclarationStartsAtTheDeclaration() {
    var steps = MicrositeController.timeline(exercise("2026-03-01T18:00:00Z"), SIGNED_ON_15_JANUARY,
        LocalDate.parse("2026-02-01"), List.of());
    assertThat(steps.get(0).milestones()).extracting(MicrositeController.Milestone::label, MicrositeController.Milestone::date)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Declaración conjunta", LocalDate.parse("2026-01-15")));
  }

  @Test
  void anExerciseRegisteredBeforeItsDeclarationShowsBoth() {
    var steps = MicrositeController.timeline(exercise("2026-01-05T18:00:00Z"), SIGNED_ON_15_JANUARY,
        LocalDate.parse("2026-02-01"), List.of());
    assertThat(steps.get(0).milestones()).extracting(MicrositeController.Milestone::label)
        .containsExactly("Inicio", "Declaración conjunta");
    assertThat(steps.get(2).milestones()).extracting(MicrositeController.Milestone::label)
        .containsExactly("Instalación del STL");
  }

  private static PublicExercise exercise(String startedAt) {
    return new PublicExercise("jal", "Jalisco", 2026, "jal-2026", "Ejercicio", "ITEI", 3, false,
        Instant.parse(startedAt), null, null, null, null, null, 0, 0, 0, 0);
  }
}
