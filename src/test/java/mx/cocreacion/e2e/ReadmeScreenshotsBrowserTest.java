package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import mx.cocreacion.demo.DemoExercises;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.security.PlatformSetup;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The screenshots of the README (copied to {@code docs/screenshots/}), taken from the demo data of
 * Jalisco at 1280×800: Tasklist's list of an STL member, the progress report form, the entidad's
 * microsite (top and commitments), the national overview and the INAI's Cockpit; each must be a PNG of
 * that size. And the microsite's commitments on a phone (390×844).
 */
class ReadmeScreenshotsBrowserTest extends BrowserTestSupport {

  /** Years no other test uses: Oaxaca and Jalisco this "year", Campeche the one before, as on a first start. */
  static final int YEAR = 2805;
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;
  static final Dimension PHONE = new Dimension(390, 844);
  static final String STL_MEMBER = "laura.medina@jal.demo.cocreacion.mx";
  static final Duration TASKLIST_FIRST_LOAD = Duration.ofMinutes(4);
  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

  @Autowired DemoExercises demo;

  @Test
  void readmeScreenshotsOfTasklistAFormTheMicrositeAndTheNationalOverview() throws IOException {
    demo.startOaxaca(YEAR);
    ProcessInstance jalisco = demo.seedJalisco(YEAR);
    demo.seedCampeche(YEAR - 1);
    Task report = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(jalisco.getBusinessKey())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).orderByTaskCreateTime().desc()
        .listPage(0, 1).get(0);
    browser.viewport(WIDTH, HEIGHT);
    List<Path> shots = new ArrayList<>();

    // Tasklist: the STL member's group tasks, then the progress report form.
    browser.get("/camunda/app/tasklist/default/");
    // Tasklist's first load in a JVM (a few MB of scripts) is slow on a busy machine: give it longer.
    browser.until("Tasklist's sign-in form", TASKLIST_FIRST_LOAD,
        d -> Browser.displayed(d, By.cssSelector("form[name='signinForm'] input[ng-model='username']")).isEmpty()
            ? null : true);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), STL_MEMBER);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"
        + "//h4/a[starts-with(normalize-space(.),'" + PlatformSetup.FILTER_GROUP_TASKS + "')]"));
    By inList = By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + report.getId() + "']");
    browser.visible(inList);
    calm();
    shots.add(browser.screenshot("readme-tasklist.png"));
    browser.click(inList);
    browser.textContaining(By.cssSelector(".task-details .task-card"), report.getName());
    browser.textContaining(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form"), "Estado de las actividades");
    calm();
    shots.add(browser.screenshot("readme-formulario.png"));

    // The entidad's microsite: the top of the page, then the commitments with their progress.
    browser.get("/micrositio/jal/" + YEAR);
    browser.textContaining(By.tagName("h1"), "Jalisco");
    shots.add(browser.screenshot("readme-micrositio-entidad.png"));
    browser.visible(By.id("compromiso-1"));
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.getElementById('compromiso-1').scrollIntoView({block: 'start'});");
    shots.add(browser.screenshot("readme-micrositio-compromisos.png"));

    // The national overview with its chart.
    browser.get("/micrositio");
    browser.visible(By.cssSelector("#tabla-nacional tr[data-entidad='jal']"));
    browser.until("the chart is drawn", d -> ((JavascriptExecutor) d).executeScript(
        "return window.graficaAvance && window.graficaAvance.data.labels.length > 0 ? true : null;"));
    shots.add(browser.screenshot("readme-micrositio-nacional.png"));

    // Cockpit as the INAI: every exercise of the entidades it supervises, running or finished.
    browser.driver().manage().deleteAllCookies();
    browser.get("/camunda/app/cockpit/default/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), "inai-monitor");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.textContaining(By.cssSelector(".cc-supervision"), "jal-" + YEAR);
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('.cc-supervision').scrollIntoView({block: 'start'});");
    calm();
    shots.add(browser.screenshot("readme-cockpit.png"));

    // A phone: the commitments' activities as cards, every column named.
    browser.viewport(PHONE.getWidth(), PHONE.getHeight());
    browser.get("/micrositio/jal/" + YEAR);
    browser.visible(By.cssSelector("#compromiso-1 .tabla-actividades"));
    ((JavascriptExecutor) browser.driver()).executeScript(
        "document.querySelector('#compromiso-1 h4').scrollIntoView({block: 'start'});");
    Path phone = browser.screenshot("readme-micrositio-movil.png");

    assertThat(shots).hasSize(6);
    BufferedImage phoneImage = ImageIO.read(phone.toFile());
    assertThat(phoneImage.getWidth()).as(phone + " width").isEqualTo(PHONE.getWidth());
    assertThat(phoneImage.getHeight()).as(phone + " height").isEqualTo(PHONE.getHeight());
    for (Path shot : shots) {
      byte[] bytes = Files.readAllBytes(shot);
      assertThat(bytes.length).as(shot + " size").isGreaterThan(10_000);
      assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as(shot + " is a PNG").isEqualTo(PNG_SIGNATURE);
      BufferedImage image = ImageIO.read(shot.toFile());
      assertThat(image.getWidth()).as(shot + " width").isEqualTo(WIDTH);
      assertThat(image.getHeight()).as(shot + " height").isEqualTo(HEIGHT);
    }
  }

  /** No focus ring and no tooltip of the last click in the picture. */
  private void calm() {
    ((JavascriptExecutor) browser.driver()).executeScript(
        "if (document.activeElement) { document.activeElement.blur(); }");
    new Actions(browser.driver()).moveToLocation(WIDTH - 5, HEIGHT - 5).perform();
    browser.gone(By.cssSelector(".tooltip"));
  }
}
