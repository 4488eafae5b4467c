package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mx.cocreacion.evidence.EvidenceRepository;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core (Deque's engine, the one Lighthouse uses, with its WCAG 2.x A/AA rules and best
 * practices) on every kind of public page, on a desktop screen and on a phone 390 px wide: the
 * national overview, an exercise in follow-up with all its sections and evidence, an exercise
 * that has just begun (the "not yet" notices), the microsite's 404, the application's error page
 * and the account activation page with a bad link. Goal of issue 15: no serious or critical
 * violation anywhere. Each page's findings (all impacts) are printed, so minor ones are seen too.
 */
class AccessibilityBrowserTest extends BrowserTestSupport {

  static final Set<String> BLOCKING = Set.of("serious", "critical");

  @Autowired EvidenceRepository evidence;

  @Test
  void everyPublicPageHasNoSeriousOrCriticalViolation() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2093-01-10T16:00:00Z")));
    ProcessInstance yucatan = exercises.startAtStep("yuc", 6);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2093-02-20T16:00:00Z")));
    exercises.reportProgress(yucatan, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        "https://transparencia.yucatan.gob.mx/avance");
    evidence.addFile(yucatan.getId(), 1, "Declaración conjunta", "declaracion-conjunta.pdf", "application/pdf",
        "%PDF-1.7\n% Declaración\n".getBytes(StandardCharsets.UTF_8), null, Instant.parse("2093-01-12T16:00:00Z"));
    ProcessInstance zacatecas = exercises.startAtStep("zac", 2);
    ClockUtil.reset();

    List<String> pages = List.of(
        "/micrositio",
        "/micrositio/yuc/" + yucatan.getBusinessKey().substring(4),
        "/micrositio/zac/" + zacatecas.getBusinessKey().substring(4),
        "/micrositio/zzz",
        "/micrositio/datos-abiertos",
        "/no-existe",
        "/cuenta/activar?token=no-vale");
    List<String> blocking = new ArrayList<>();
    for (Dimension screen : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
      browser.viewport(screen.getWidth(), screen.getHeight());
      for (String page : pages) {
        browser.get(page);
        browser.visible(By.tagName("h1"));
        if (page.equals("/micrositio/datos-abiertos")) {
          browser.screenshot("micrositio-datos-abiertos-" + screen.getWidth() + ".png");
        }
        Results results = new AxeBuilder().analyze(browser.driver());
        assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules that passed on " + page).isNotEmpty();
        for (Rule rule : results.getViolations()) {
          String finding = screen.getWidth() + " px " + page + ": " + rule.getImpact() + " " + rule.getId() + " ("
              + rule.getHelp() + ") at " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
              .collect(Collectors.joining(", "));
          System.out.println("axe: " + finding);
          if (BLOCKING.contains(rule.getImpact())) {
            blocking.add(finding);
          }
        }
      }
    }
    assertThat(blocking).as("serious or critical axe-core violations on the public pages").isEmpty();
  }
}
