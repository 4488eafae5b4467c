package mx.cocreacion.microsite;

import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whatever people write into an exercise reaches the public page as text: a commitment titled
 * with a script and an activity that tries to break out of an attribute are shown escaped, and
 * the page holds no script or img tag that came from user data.
 */
class MicrositeXssTest extends ProcessTestSupport {

  private static final String SCRIPT_TITLE = "<script>alert('x')</script>";
  private static final String IMG_BREAKOUT = "\"><img src=x onerror=alert(1)>";

  @LocalServerPort int port;

  @Test
  void userTextIsEscapedOnTheExercisePage() {
    ProcessInstance exercise = driver.startAtStep("oax", 4);
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Mesa única"));
    driver.completeAll(exercise, "hold-working-table", Variables.createVariables()
        .putValueTyped("participants", json("[{\"name\":\"Pedro\",\"sector\":\"society\",\"organization\":\"OSC\"},{\"name\":\"Lucía\",\"sector\":\"government\",\"organization\":\"Secretaría de Finanzas\"}]"))
        .putValueTyped("problems", json(TestVariables.toJson(java.util.List.of(IMG_BREAKOUT)))));
    String commitments = TestVariables.toJson(java.util.List.of(java.util.Map.of(
        "title", SCRIPT_TITLE,
        "problem", IMG_BREAKOUT,
        "description", "Descripción",
        "responsible", SCRIPT_TITLE,
        "sdgs", java.util.List.of(16),
        "criteria", java.util.Map.of("inclusive", true),
        "activities", java.util.List.of(java.util.Map.of(
            "title", IMG_BREAKOUT, "product", IMG_BREAKOUT, "indicator", SCRIPT_TITLE, "baseline", "0",
            "target", "1", "dueDate", "2032-06-30")))));
    driver.complete(exercise, "consolidate-commitments",
        Variables.createVariables().putValueTyped("commitments", json(commitments)));
    int year = MicrositeControllerTest.year(exercise);

    Http.Answer response = new Http(port).get("/micrositio/oax/" + year);

    assertThat(response.status()).isEqualTo(200);
    String html = response.body();
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).doesNotContain(SCRIPT_TITLE, IMG_BREAKOUT, "<img", "onerror=alert(1)>");
    // The page's only scripts are none: the exercise page has no script tag at all.
    assertThat(html).doesNotContainPattern("(?i)<script");
  }
}
