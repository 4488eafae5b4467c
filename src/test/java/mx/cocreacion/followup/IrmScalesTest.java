package mx.cocreacion.followup;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.plan.Assessment;
import org.junit.jupiter.api.Test;

/** Every value the contract allows has one Spanish label, shared by forms' summaries, pages and PDFs. */
class IrmScalesTest {

  @Test
  void everyContractValueHasASpanishLabel() {
    assertThat(IrmScales.POTENTIAL_IMPACT).containsOnlyKeys(FollowUpProcess.POTENTIAL_IMPACT);
    assertThat(IrmScales.COMPLETION).containsOnlyKeys(FollowUpProcess.COMPLETION);
    assertThat(IrmScales.OPENED_GOVERNMENT).containsOnlyKeys(FollowUpProcess.OPENED_GOVERNMENT);
    assertThat(IrmScales.STATUS).containsOnlyKeys(CommitmentImplementationProcess.STATUSES);
  }

  @Test
  void theMonitoringSummaryReadsAsASentence() {
    var assessment = new Assessment(1, true, false, "transformative", null, null, null, null, false);
    assertThat(IrmScales.monitoringSummary(assessment))
        .isEqualTo("Verificable; no relevante; impacto potencial: transformador");
    assertThat(IrmScales.monitoringSummary(null)).isEqualTo("Sin monitoreo registrado");
  }
}
