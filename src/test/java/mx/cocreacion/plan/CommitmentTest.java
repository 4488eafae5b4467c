package mx.cocreacion.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a commitment's activity says of itself. */
class CommitmentTest {

  static final LocalDate DUE = LocalDate.parse("2032-06-30");

  @Test
  void anActivityIsOverdueAfterItsDueDateUntilItIsDone() {
    assertThat(activity("in-progress").isOverdue(DUE)).as("on its last day").isFalse();
    assertThat(activity("in-progress").isOverdue(DUE.plusDays(1))).isTrue();
    assertThat(activity("not-started").isOverdue(DUE.plusDays(1))).isTrue();
    assertThat(activity(null).isOverdue(DUE.plusDays(1))).isTrue();
    assertThat(activity("done").isOverdue(DUE.plusDays(1))).isFalse();
  }

  @Test
  void anActivityIsNamedByItsTitleOrItsProduct() {
    assertThat(activity("done").label()).isEqualTo("Portal");
    assertThat(new Commitment.Activity(1, null, "Portal de datos", "Conjuntos", "0", "12", DUE, null).label())
        .isEqualTo("Portal de datos");
  }

  private static Commitment.Activity activity(String status) {
    return new Commitment.Activity(1, "Portal", "Portal de datos", "Conjuntos", "0", "12", DUE, status);
  }
}
