package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.cocreacion.evidence.EvidenceRepository;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public microsite in a real browser, without login: the page of an exercise in
 * implementation (timeline, progress bars, evidence) and the national overview with its Chart.js
 * chart (served by the app). Screenshots: {@code target/screenshots/micrositio-entidad.png} and
 * {@code micrositio-nacional.png} (and {@code micrositio-entidad-movil.png} and {@code micrositio-nacional-movil.png}, a phone 390 px wide, where
 * every table must show every column).
 */
class MicrositeBrowserTest extends BrowserTestSupport {

  @Autowired EvidenceRepository evidence;

  @Test
  void exerciseInImplementationThenNationalOverview() {
    // Exercises started "later" than any other test's, so they are their entidades' current ones.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2098-01-10T16:00:00Z")));
    ProcessInstance oaxaca = exercises.startAtStep("oax", 6);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2098-02-20T16:00:00Z")));
    exercises.reportProgress(oaxaca, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        "https://transparencia.oaxaca.gob.mx/presupuesto");
    exercises.reportProgress(oaxaca, 2, "[{\"activity\":1,\"status\":\"done\"}]", null);
    String declaration = evidence.addFile(oaxaca.getId(), 1, "Declaración conjunta", "declaracion-conjunta.pdf",
        "application/pdf", "%PDF-1.7\n% Declaración conjunta\n".repeat(400).getBytes(StandardCharsets.UTF_8), null,
        Instant.parse("2098-01-12T16:00:00Z"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2098-01-11T16:00:00Z")));
    exercises.startAtStep("jal", 4);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2098-01-12T16:00:00Z")));
    exercises.startAtStep("cam", 2);
    ClockUtil.reset();
    String year = oaxaca.getBusinessKey().substring(4);

    // The exercise's page.
    browser.get("/micrositio/oax/" + year);
    browser.textContaining(By.tagName("h1"), "Oaxaca");
    WebElement current = browser.visible(By.cssSelector("#linea-tiempo li[aria-current='step']"));
    assertThat(current.getDomAttribute("data-paso")).isEqualTo("6");
    assertThat(current.getAttribute("class")).contains("paso-actual");
    assertThat(current.getText()).contains("Seguimiento y evaluación", "Inicio del PAL", "01/02/2032");
    assertThat(browser.driver().findElements(By.cssSelector("#linea-tiempo li.paso-hecho"))).hasSize(5);

    WebElement bar = browser.visible(By.cssSelector("#compromiso-1 [role='progressbar']"));
    assertThat(bar.getDomAttribute("aria-valuenow")).isEqualTo("50");
    assertThat(bar.getDomAttribute("aria-label")).isEqualTo("Avance del compromiso 1");
    WebElement fill = bar.findElement(By.className("progreso-relleno"));
    assertThat(fill.getSize().getWidth()).isBetween(bar.getSize().getWidth() / 2 - 3, bar.getSize().getWidth() / 2 + 3);
    assertThat(browser.visible(By.cssSelector("#compromiso-2 [role='progressbar']")).getDomAttribute("aria-valuenow"))
        .isEqualTo("100");
    assertThat(browser.visible(By.cssSelector("#compromiso-1 .avances")).getText())
        .contains("Primer avance", "50 %");
    assertThat(browser.visible(By.cssSelector("#compromiso-1 a.evidencia-avance")).getDomAttribute("href"))
        .isEqualTo("https://transparencia.oaxaca.gob.mx/presupuesto");
    assertThat(browser.visible(By.id("tabla-stl")).getText()).contains("Persona titular society").doesNotContain("@");

    // Evidence: the file's download link points at the app's evidence endpoint and serves the PDF;
    // the external link is shown as it was given.
    WebElement evidenceTable = browser.visible(By.id("tabla-evidencia"));
    assertThat(evidenceTable.getText()).contains("declaracion-conjunta.pdf", "Declaración conjunta", "1. Arranque",
        "12/01/2098", "Enlace externo");
    WebElement download = evidenceTable.findElement(By.xpath(
        ".//tr[th[normalize-space()='declaracion-conjunta.pdf']]//a[contains(@class,'descarga')]"));
    assertThat(download.getDomAttribute("href")).isEqualTo("/micrositio/oax/evidencia/" + declaration);
    assertThat(evidenceTable.findElements(By.cssSelector(
        "a.descarga[href='https://transparencia.oaxaca.gob.mx/presupuesto']"))).isNotEmpty();
    Object served = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))
          .catch(e => done('error ' + e));""", download.getAttribute("href"));
    assertThat(served).isEqualTo("200 application/pdf");
    fullPageScreenshot("micrositio-entidad.png");
    // A phone: every table's rows become cards in which each value carries its column's name.
    Dimension desktop = browser.driver().manage().window().getSize();
    browser.viewport(390, 844);
    everyColumnReadableOnAPhone(4);
    browser.screenshot(browser.visible(By.cssSelector("#compromiso-1 .tabla-contenedor")), "micrositio-movil-actividades.png");
    browser.screenshot(browser.visible(By.cssSelector("#tabla-evidencia")), "micrositio-movil-evidencia.png");
    ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
    browser.screenshot("micrositio-entidad-movil.png");
    browser.driver().manage().window().setSize(desktop);

    // The national overview, with the chart drawn by Chart.js from the app's webjar.
    browser.get("/micrositio");
    WebElement row = browser.visible(By.cssSelector("#tabla-nacional tr[data-entidad='oax']"));
    assertThat(row.getText()).contains("Oaxaca", year, "Seguimiento y evaluación", "75 %");
    assertThat(row.findElement(By.cssSelector("[role='progressbar']")).getDomAttribute("aria-valuenow")).isEqualTo("75");
    assertThat(browser.visible(By.cssSelector("#tabla-nacional tr[data-entidad='jal']")).getText())
        .contains("Mesas participativas");
    browser.until("the chart is drawn", d -> ((JavascriptExecutor) d).executeScript(
        "return window.graficaAvance && window.graficaAvance.data.labels.indexOf('Oaxaca') >= 0 ? true : null;"));
    assertThat(browser.visible(By.id("grafica-avance")).getSize().getHeight()).isGreaterThan(150);
    browser.scrollIntoView(browser.visible(By.tagName("h1")));
    fullPageScreenshot("micrositio-nacional.png");

    browser.viewport(390, 844);
    everyColumnReadableOnAPhone(1);
    browser.screenshot("micrositio-nacional-movil.png");
    browser.driver().manage().window().setSize(desktop);

    // The entidad's link leads to its current exercise.
    browser.click(By.cssSelector("#tabla-nacional tr[data-entidad='oax'] a"));
    browser.textContaining(By.cssSelector("h1 .anio"), year);
  }

  /**
   * An amended commitment on the public page: the amendments with their status, date, votes and reason, the
   * current version's activities in the table, and each earlier version behind a summary a person opens; on a
   * phone too ({@code micrositio-versiones-movil.png}).
   */
  @Test
  void anAmendedCommitmentShowsEveryVersionWithItsDateAndReason() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance oaxaca = exercises.startAtStep("oax", 6);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-20T16:00:00Z")));
    String first = engine.getTaskService().createTaskQuery()
        .processInstanceId(exercises.implementation(oaxaca, 1).getId()).taskDefinitionKey("report-progress")
        .singleResult().getId();
    engine.getTaskService().complete(first, Variables.createVariables()
        .putValueTyped("activityProgress", TestVariables.json("[{\"activity\":1,\"status\":\"done\"}]"))
        .putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "2").putValue("newDueDate", "2032-11-30")
        .putValue("amendmentReason", "El taller depende del presupuesto de octubre"));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-24T16:00:00Z")));
    engine.getTaskService().createTaskQuery().processInstanceId(exercises.implementation(oaxaca, 1).getId())
        .taskDefinitionKey("vote-amendment").list()
        .forEach(t -> engine.getTaskService().complete(t.getId(), Variables.createVariables().putValue("approved", true)));
    ClockUtil.reset();

    browser.get("/micrositio/oax/" + oaxaca.getBusinessKey().substring(4));
    WebElement versions = browser.visible(By.cssSelector("#compromiso-1 .versiones"));
    assertThat(versions.getText()).contains("Modificaciones y versiones", "Versión vigente: 2, desde el 24/02/2032",
        "Aprobada", "propuesta el 20/02/2032", "votos a favor: 3, en contra: 0",
        "Mover la fecha compromiso de la actividad 2 «Capacitación» del 30 de septiembre de 2032 al 30 de noviembre de 2032",
        "Motivo: El taller depende del presupuesto de octubre");
    assertThat(browser.visible(By.cssSelector("#compromiso-1 .tabla-actividades")).getText())
        .as("the table is the current version").contains("30/11/2032").doesNotContain("30/09/2032");
    WebElement original = versions.findElement(By.cssSelector("details.version-anterior"));
    assertThat(original.getText()).contains("Versión 1, vigente desde el").doesNotContain("30/09/2032");
    browser.click(By.cssSelector("#compromiso-1 details.version-anterior summary"));
    assertThat(original.getText()).contains("2. Capacitación", "fecha límite 30/09/2032");
    assertThat(browser.driver().findElements(By.cssSelector("#compromiso-2 .versiones"))).as("never amended").isEmpty();
    browser.screenshot(versions, "micrositio-versiones.png");

    Dimension desktop = browser.driver().manage().window().getSize();
    browser.viewport(390, 844);
    assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
        "return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling").isTrue();
    browser.scrollIntoView(versions);
    browser.screenshot(versions, "micrositio-versiones-movil.png");
    browser.driver().manage().window().setSize(desktop);
  }

  /**
   * At phone width, every public table ({@code tables} at least) shows every column of every row
   * inside the screen, each value labelled with its column's header (CSS {@code ::before} from
   * {@code data-etiqueta}); the page never scrolls sideways; each table's scroll region can be
   * reached by keyboard and is named by its caption.
   */
  private void everyColumnReadableOnAPhone(int tables) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    long width = (Long) js.executeScript("return window.innerWidth;");
    assertThat(width).isEqualTo(390);
    assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
        .as("the page does not scroll sideways").isTrue();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeScript("""
        return Array.from(document.querySelectorAll('table.tabla')).map(table => {
          const box = table.closest('.tabla-contenedor');
          const label = box.getAttribute('aria-labelledby');
          return {
            headers: Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim()),
            region: box.getAttribute('role') + ' ' + box.getAttribute('tabindex'),
            name: label && document.getElementById(label) ? document.getElementById(label).textContent.trim() : '',
            overflows: box.scrollWidth > box.clientWidth,
            rows: Array.from(table.tBodies[0].rows).map(row => Array.from(row.cells).map(cell => {
              const r = cell.getBoundingClientRect();
              const before = getComputedStyle(cell, '::before').content;
              return { label: cell.dataset.etiqueta || '', text: cell.textContent.trim(), shown: r.width > 0 && r.height > 0,
                inside: r.left >= 0 && r.right <= window.innerWidth + 0.5,
                before: cell.tagName === 'TH' ? '' : before };
            }))
          };
        });""");
    assertThat(found).as("public tables on " + browser.driver().getCurrentUrl()).hasSizeGreaterThanOrEqualTo(tables);
    for (Map<String, Object> table : found) {
      @SuppressWarnings("unchecked") List<String> headers = (List<String>) table.get("headers");
      assertThat(table.get("region")).as("scroll region of " + headers).isEqualTo("region 0");
      assertThat((String) table.get("name")).as("name of the scroll region of " + headers).isNotBlank();
      assertThat(table.get("overflows")).as(headers + " needs no sideways scrolling").isEqualTo(false);
      @SuppressWarnings("unchecked") List<List<Map<String, Object>>> rows = (List<List<Map<String, Object>>>) table.get("rows");
      assertThat(rows).as("rows of " + headers).isNotEmpty();
      for (List<Map<String, Object>> row : rows) {
        assertThat(row).as("cells of a row of " + headers).hasSameSizeAs(headers);
        for (int i = 0; i < headers.size(); i++) {
          Map<String, Object> cell = row.get(i);
          String where = headers.get(i) + " of the row " + row.get(0).get("text");
          assertThat(cell.get("label")).as("label of " + where).isEqualTo(headers.get(i));
          assertThat(cell.get("shown")).as(where + " is shown").isEqualTo(true);
          assertThat(cell.get("inside")).as(where + " is inside the screen").isEqualTo(true);
          assertThat((String) cell.get("text")).as(where + " has data").isNotBlank();
          if (i > 0) {
            assertThat((String) cell.get("before")).as(where + " says its column").isEqualTo("\"" + headers.get(i) + ": \"");
          }
        }
      }
    }
  }

  /** The whole page in one image: the window is made as tall as the page first. */
  private void fullPageScreenshot(String name) {
    var driver = browser.driver();
    long height = (Long) ((JavascriptExecutor) driver).executeScript(
        "return Math.ceil(document.documentElement.scrollHeight);");
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 140, 800), 6000)));
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    browser.screenshot(name);
    driver.manage().window().setSize(before);
  }
}
