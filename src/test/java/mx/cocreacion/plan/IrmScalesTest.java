package mx.cocreacion.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.followup.FollowUpProcess;
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

  /**
   * The forms' options (form-js options are static, the server cannot fill them) say the same words as
   * IrmScales, which the pages, summaries and PDFs use: a label changed in one place fails here.
   */
  @Test
  void theFormsOfferTheSameWordsAsThePages() throws Exception {
    assertThat(options("evaluate-performance", "completion")).isEqualTo(IrmScales.COMPLETION);
    assertThat(options("evaluate-performance", "openedGovernment")).isEqualTo(IrmScales.OPENED_GOVERNMENT);
    assertThat(options("monitor-commitments", "potentialImpact")).isEqualTo(IrmScales.POTENTIAL_IMPACT);
    assertThat(options("report-progress", "status")).isEqualTo(IrmScales.STATUS);
  }

  /** The values and labels of the field {@code key} of {@code forms/<form>.form}, wherever it sits in the form. */
  private static Map<String, String> options(String form, String key) throws IOException {
    JsonNode root;
    try (var in = IrmScalesTest.class.getClassLoader().getResourceAsStream("forms/" + form + ".form")) {
      root = new ObjectMapper().readTree(in);
    }
    Map<String, String> found = new LinkedHashMap<>();
    Deque<JsonNode> open = new ArrayDeque<>(List.of(root));
    while (!open.isEmpty()) {
      var node = open.pop();
      if (key.equals(node.path("key").asText()) && node.has("values")) {
        node.get("values").forEach(v -> found.put(v.get("value").asText(), v.get("label").asText()));
      }
      node.path("components").forEach(open::push);
    }
    assertThat(found).as(key + " in " + form).isNotEmpty();
    return found;
  }

  @Test
  void theMonitoringSummaryReadsAsASentence() {
    var monitoring = new CommitmentView.Monitoring(true, false, "transformative", null);
    assertThat(IrmScales.monitoringSummary(monitoring))
        .isEqualTo("Verificable; no relevante; impacto potencial: transformador");
    assertThat(IrmScales.monitoringSummary(null)).isEqualTo("Sin monitoreo registrado");
  }
}
