package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organismo garante's two public moments of the seed in Tasklist, on a phone (390 px): it convenes the STL's
 * meeting (day, place, the local actors step 2 registered listed on the form, others convened), and it records
 * the PAL's public launch, which needs evidence of the event: completed without it, the server's Spanish message
 * names «Registro del evento»; a PDF attached in the task's «Evidencia» tab is enough (what was typed in the form
 * before visiting that tab is still there when the person comes back), and the microsite lists it.
 * Works in Coahuila, an entidad no other test works in.
 */
class MeetingAndLaunchBrowserTest extends BrowserTestSupport {

  private static final String TENANT = "coa";
  private static final By NOTIFICATION = By.cssSelector(".notifications .alert");
  private static final By NOTE_BUTTON = By.cssSelector(".task-details .cc-aviso-tarea button");
  private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] .form-actions button[ng-click='complete()']");
  private static final By EVIDENCE_TAB = By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]"
      + "//a[normalize-space(.)='Evidencia']");
  private static final By FORM_TAB = By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]"
      + "//a[normalize-space(.)='Formulario']");

  @Autowired ExerciseRepository plan;

  @Test
  void theGuarantorConvenesTheStlMeetingWithPlaceAndInvitees() {
    ProcessInstance exercise = exercises.startAtStep(TENANT, 3);
    Task convene = exercises.task(exercise, "convene-stl-meeting");
    browser.viewport(390, 844);
    loginToTasklist(guarantorOf(TENANT));
    openTask(convene);
    take(convene);

    String form = browser.driver().findElement(FORM).getText();
    assertThat(form).as("the actors step 2 registered, without e-mails").contains("Colectivo Abierto (OSC) — Sociedad civil")
        .doesNotContain("@", "{{", "La sensibilización no registró actores locales");
    enter(field("Field_MeetingDate-date"), "10/10/2031");
    enter(field("Field_MeetingPlace"), "Auditorio del órgano garante");
    enter(field("Field_MeetingInvitees"), "Universidad autónoma del estado");
    browser.screenshot("formulario-convocar-reunion-stl-movil.png");
    browser.click(COMPLETE);
    browser.until("the meeting is convened", d ->
        engine.getTaskService().createTaskQuery().taskId(convene.getId()).count() == 0 ? true : null);

    var exerciseOnRecord = plan.findById(exercise.getId()).orElseThrow();
    assertThat(exerciseOnRecord.meetingPlace()).isEqualTo("Auditorio del órgano garante");
    assertThat(exerciseOnRecord.meetingInvitees()).isEqualTo("Universidad autónoma del estado");
    assertThat(exerciseOnRecord.meetingInvitesActors()).as("the checkbox's default").isTrue();

    browser.get("/micrositio/" + TENANT);
    String page = browser.textContaining(By.id("reunion-stl"), "Auditorio del órgano garante");
    assertThat(page).contains("10 de octubre de 2031");
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
        "document.getElementById('titulo-stl').scrollIntoView();");
    browser.screenshot("micrositio-reunion-stl-movil.png");
  }

  @Test
  void theLaunchNeedsEvidenceOfTheEventAndAnAttachedPdfIsEnough() throws Exception {
    ProcessInstance exercise = exercises.startAtStep(TENANT, 5);
    exercises.complete(exercise, "schedule-pal", TestVariables.schedulePal());
    Task launch = exercises.task(exercise, "hold-public-launch");
    Path attendance = Files.createTempFile("lista-asistencia-", ".pdf");
    Files.write(attendance, Http.pdf(4096));
    browser.viewport(390, 844);
    loginToTasklist(guarantorOf(TENANT));
    openTask(launch);
    take(launch);

    enter(field("Field_LaunchDate-date"), "02/02/2032");
    enter(field("Field_LaunchPlace"), "Plaza de Armas de Saltillo");
    browser.click(COMPLETE);
    String refused = browser.textContaining(NOTIFICATION, "Registro del evento");
    assertThat(refused).contains("No se pudo completar la tarea", "es obligatoria", "Evidencia");
    browser.screenshot("tasklist-lanzamiento-sin-evidencia-movil.png");
    assertThat(engine.getTaskService().createTaskQuery().taskId(launch.getId()).count()).isEqualTo(1);

    browser.click(By.cssSelector(".notifications .alert button.close")); // it covers the tab on a phone
    browser.gone(NOTIFICATION);
    browser.click(EVIDENCE_TAB);
    browser.driver().findElement(By.cssSelector(".cc-evidencia input[type=file]"))
        .sendKeys(attendance.toAbsolutePath().toString());
    browser.type(By.id("cc-evidencia-descripcion"), "Lista de asistencia del lanzamiento");
    browser.click(By.cssSelector(".cc-evidencia .cc-evidencia-subir"));
    browser.textContaining(By.cssSelector(".cc-evidencia .cc-evidencia-lista"), attendance.getFileName().toString());
    browser.click(FORM_TAB);
    browser.visible(FORM);
    // What was typed before visiting «Evidencia» is still there (scripts/borrador.js keeps the draft).
    assertThat(browser.driver().findElement(field("Field_LaunchPlace")).getDomProperty("value"))
        .isEqualTo("Plaza de Armas de Saltillo");
    assertThat(browser.driver().findElement(field("Field_LaunchDate-date")).getDomProperty("value"))
        .as("form-js draws a date it is given without leading zeros").matches("0?2/0?2/2032");
    browser.click(COMPLETE);
    browser.until("the launch is recorded", d ->
        engine.getTaskService().createTaskQuery().taskId(launch.getId()).count() == 0 ? true : null);

    browser.get("/micrositio/" + TENANT);
    String page = browser.textContaining(By.tagName("body"), attendance.getFileName().toString());
    assertThat(page).contains("Lista de asistencia del lanzamiento", "Plaza de Armas de Saltillo");
  }

  /** Takes the task through the note above its form («Nadie tiene esta tarea… Tómela»). */
  private void take(Task task) {
    browser.click(NOTE_BUTTON);
    String user = guarantorOf(TENANT);
    browser.until("task " + task.getId() + " assigned", d ->
        engine.getTaskService().createTaskQuery().taskId(task.getId()).taskAssignee(user).count() == 1 ? true : null);
    browser.visible(FORM);
  }

  private static By field(String componentId) {
    return By.cssSelector("[cam-tasklist-form-camunda] [id$='-" + componentId + "']");
  }

  /** Types into a form-js input and leaves it with Tab (form-js commits on blur). */
  private void enter(By input, String text) {
    browser.type(input, text);
    browser.driver().findElement(input).sendKeys(Keys.TAB);
  }
}
