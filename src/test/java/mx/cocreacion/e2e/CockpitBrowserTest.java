package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mx.cocreacion.demo.DemoExercises;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The INAI supervises in Cockpit (issue 15, {@code cockpit/scripts/supervision.js}, {@code comun/scripts/roles.js}):
 * it finds every exercise on the dashboard, finished ones with their results; reads an exercise's commitments as
 * a table and its audit log in tabs of the instance; and is offered no control that changes anything (deleting or
 * suspending the instance, adding, editing or deleting variables), while the administration still is. Works in
 * Veracruz, and in Campeche's year 2090, where no other test works.
 */
class CockpitBrowserTest extends BrowserTestSupport {

  private static final By WRITE_CONTROLS = By.cssSelector(".ctn-toolbar .btn-toolbar, "
      + "[ng-click^='deleteVariable'], [ng-click^='editVariableValue'], [ng-click^='cancelProcessInstance']");
  private static final By EXERCISES = By.cssSelector(".cc-supervision");
  private static final By TAB_CONTENT = By.cssSelector(".ctn-tabbed-content");

  @Test
  void theInaiReadsEveryExerciseItsCommitmentsAndItsAuditButChangesNothing() {
    ProcessInstance exercise = exercises.startAtStep("ver", 6);
    Task report = exercises.tasks(exercise, "report-progress").get(0);
    String stl = "titular.society." + exercises.tag(exercise) + "@stl.mx";
    engine.getIdentityService().setAuthentication(stl, List.of("stl"), List.of("ver"));
    try {
      engine.getTaskService().claim(report.getId(), stl);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ProcessInstance finished = new DemoExercises(engine).seedCampeche(2090);

    loginToCockpit("inai-monitor");
    String row = browser.textContaining(EXERCISES, exercise.getBusinessKey());
    assertThat(row).contains("Ejercicios locales", "Veracruz", exercise.getBusinessKey() + " En curso: paso 6 de 6",
        finished.getBusinessKey() + " Concluido");
    assertThat(browser.visible(By.cssSelector(".cc-supervision a[href='/micrositio/cam/2090']")).getText())
        .isEqualTo("Micrositio");
    browser.screenshot("cockpit-inai-ejercicios.png");

    browser.get("/camunda/app/cockpit/default/#/process-instance/" + exercise.getId() + "/runtime");
    // Variables by their labels (nombres-legibles.js), not by their keys.
    assertThat(browser.textContaining(By.cssSelector(".cam-table"), "Organismo garante")).doesNotContain("guarantorBody");
    assertThat(Browser.displayed(browser.driver(), WRITE_CONTROLS)).as("controls that change the exercise").isEmpty();
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Actions");

    openTab("Compromisos");
    assertThat(browser.textContaining(TAB_CONTENT, "Presupuesto abierto"))
        .contains("Compromisos aprobados del ejercicio " + exercise.getBusinessKey(), "Responsable", "concluidas");
    browser.screenshot("cockpit-inai-compromisos.png");

    openTab("Registro de auditoría");
    assertThat(browser.textContaining(TAB_CONTENT, "Tomó la tarea")).contains(stl, "«" + report.getName() + "»");
    browser.screenshot("cockpit-inai-auditoria.png");
  }

  @Test
  void theAdministrationKeepsItsControls() {
    ProcessInstance exercise = exercises.start("ver");
    loginToCockpit("admin");
    browser.get("/camunda/app/cockpit/default/#/process-instance/" + exercise.getId() + "/runtime");
    browser.until("the administration's controls", d -> Browser.displayed(d, WRITE_CONTROLS).isEmpty() ? null : true);
    assertThat(browser.textContaining(By.cssSelector(".cam-table thead"), "Acciones")).doesNotContain("Actions");
  }

  private void loginToCockpit(String user) {
    browser.get("/camunda/app/cockpit/default/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.gone(By.cssSelector("form[name='signinForm']"));
  }

  private void openTab(String label) {
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']"));
  }
}
