package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import mx.cocreacion.security.PlatformSetup;
import mx.cocreacion.support.Http;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Evidence from Tasklist (issue 15): an STL member opens their progress report, attaches a PDF in the
 * task's "Evidencia" tab, sees it listed, removes a wrong one, completes the report, and finds the file
 * on the microsite with its description. A file that is not a document is refused with the server's
 * Spanish message. Works in Nayarit, an entidad no other test works in Tasklist.
 */
class EvidenceBrowserTest extends BrowserTestSupport {

  private static final By TAB = By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]"
      + "//a[normalize-space(.)='Evidencia']");
  private static final By FORM_TAB = By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav-tabs')]"
      + "//a[normalize-space(.)='Formulario']");
  private static final By FILE = By.cssSelector(".cc-evidencia input[type=file]");
  private static final By LIST = By.cssSelector(".cc-evidencia .cc-evidencia-lista");
  private static final By MESSAGE = By.cssSelector(".cc-evidencia .cc-evidencia-mensaje");

  @Test
  void anStlMemberAttachesAPdfInTasklistAndFindsItOnTheMicrosite() throws Exception {
    ProcessInstance exercise = exercises.startAtStep("nay", 6);
    Task report = exercises.tasks(exercise, "report-progress").get(0);
    String user = "titular.society." + exercises.tag(exercise) + "@stl.mx";
    Path pdf = Files.createTempFile("minuta-", ".pdf");
    Files.write(pdf, Http.pdf(4096));
    Path notADocument = Files.createTempFile("programa-", ".pdf");
    Files.writeString(notADocument, "#!/bin/sh\necho no soy un PDF\n");

    loginToTasklist(user);
    openTask(report);
    browser.click(By.cssSelector("[cam-tasklist-task-meta] button.claim"));
    browser.gone(By.cssSelector("[cam-tasklist-task-meta] button.claim"));

    browser.click(TAB);
    browser.textContaining(LIST, "Todavía no hay archivos anexados");
    // Not a document: the server refuses it by its content, in Spanish.
    attach(notADocument, "");
    browser.textContaining(MESSAGE, "no es PDF, PNG, JPEG, OpenDocument ni Office Open XML");
    // A real PDF, with its description.
    attach(pdf, "Minuta de la sesión del STL");
    browser.textContaining(MESSAGE, "Se anexó «" + pdf.getFileName() + "»");
    browser.textContaining(LIST, pdf.getFileName().toString());
    browser.textContaining(LIST, "Minuta de la sesión del STL");
    // A second, wrong one is removed again before completing.
    Path wrong = Files.createTempFile("equivocado-", ".pdf");
    Files.write(wrong, Http.pdf(1024));
    attach(wrong, "");
    browser.textContaining(LIST, wrong.getFileName().toString());
    browser.click(By.xpath("//li[contains(@class,'cc-evidencia-archivo')][contains(.,'" + wrong.getFileName()
        + "')]//button[contains(@class,'cc-evidencia-quitar')]"));
    browser.textContaining(MESSAGE, "Se quitó el archivo");
    browser.until("the wrong file is gone", d -> d.findElement(LIST).getText().contains(wrong.getFileName().toString())
        ? null : true);
    browser.screenshot("tasklist-evidencia.png");

    browser.click(FORM_TAB);
    browser.click(By.cssSelector("[cam-tasklist-form] .form-actions button[ng-click='complete()']"));
    browser.until("the report is completed", d ->
        engine.getTaskService().createTaskQuery().taskId(report.getId()).count() == 0 ? true : null);

    String year = exercise.getBusinessKey().substring(4);
    browser.get("/micrositio/nay/" + year);
    String page = browser.textContaining(By.tagName("body"), pdf.getFileName().toString());
    assertThat(page).contains("Minuta de la sesión del STL").doesNotContain(wrong.getFileName().toString());
  }

  private void attach(Path file, String description) {
    browser.driver().findElement(FILE).sendKeys(file.toAbsolutePath().toString());
    if (!description.isEmpty()) {
      browser.type(By.id("cc-evidencia-descripcion"), description);
    }
    browser.click(By.cssSelector(".cc-evidencia .cc-evidencia-subir"));
  }
}
