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

/**
 * Every value the contract allows has one Spanish label ({@link IrmScales}, {@link PlanLabels}), shared by the
 * forms' summaries, the pages and the PDFs; the forms' own options say the same words.
 */
class PlanLabelsTest {

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
    assertThat(options("evaluate-year", "completion")).isEqualTo(IrmScales.COMPLETION);
    assertThat(options("evaluate-performance", "openedGovernment")).isEqualTo(IrmScales.OPENED_GOVERNMENT);
    assertThat(options("monitor-commitments", "potentialImpact")).isEqualTo(IrmScales.POTENTIAL_IMPACT);
    assertThat(options("report-progress", "status")).isEqualTo(IrmScales.STATUS);
  }

  /** The form where commitments are written offers the ODS and the quality criteria in the pages' words. */
  @Test
  void theCommitmentFormOffersTheSameOdsAndCriteria() throws Exception {
    Map<String, String> ods = new LinkedHashMap<>();
    for (int n = 1; n <= 17; n++) {
      ods.put(String.valueOf(n), n + ". " + PlanLabels.ods(n));
    }
    assertThat(options("consolidate-commitments", "sdgs")).isEqualTo(ods);
    Map<String, String> criteria = new LinkedHashMap<>();
    for (String key : Commitment.CRITERIA) {
      criteria.put(key, field(read("consolidate-commitments"), key).path("label").asText());
    }
    assertThat(criteria).isEqualTo(PlanLabels.CRITERIA);
  }

  @Test
  void commitmentsReadAsWords() {
    assertThat(PlanLabels.progressBar(0)).isEqualTo("░░░░░░░░░░ 0 %");
    assertThat(PlanLabels.progressBar(45)).isEqualTo("█████░░░░░ 45 %");
    assertThat(PlanLabels.progressBar(100)).isEqualTo("██████████ 100 %");
    assertThat(PlanLabels.report(1)).isEqualTo("Primer avance");
    assertThat(PlanLabels.report(13)).isEqualTo("13º avance");
    assertThat(PlanLabels.odsList(List.of(16, 5))).isEqualTo("16. Paz, justicia e instituciones sólidas; 5. Igualdad de género");
    assertThat(PlanLabels.odsList(List.of())).isEqualTo("ninguno");
    assertThat(PlanLabels.criteriaList(Map.of("gender", true, "inclusive", true, "measurable", false)))
        .isEqualTo("incluyente, con perspectiva de género");
    assertThat(PlanLabels.criteriaList(Map.of())).isEqualTo("ninguno");
    assertThat(PlanLabels.criteriaList(Map.of("agenda2030", true))).isEqualTo("asociado a la Agenda 2030");
    assertThat(IrmScales.statusWithSign("done")).isEqualTo("✔ Concluida");
    assertThat(IrmScales.statusWithSign(null)).isEqualTo("○ Sin iniciar");
  }

  private static JsonNode read(String form) throws IOException {
    try (var in = PlanLabelsTest.class.getClassLoader().getResourceAsStream("forms/" + form + ".form")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static JsonNode field(JsonNode root, String key) {
    Deque<JsonNode> open = new ArrayDeque<>(List.of(root));
    while (!open.isEmpty()) {
      var node = open.pop();
      if (key.equals(node.path("key").asText())) {
        return node;
      }
      node.path("components").forEach(open::push);
    }
    throw new AssertionError("no field " + key);
  }

  /** The values and labels of the field {@code key} of {@code forms/<form>.form}, wherever it sits in the form. */
  private static Map<String, String> options(String form, String key) throws IOException {
    JsonNode root = read(form);
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
