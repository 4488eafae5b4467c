package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import mx.cocreacion.security.PlatformSetup;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What form-js adds to our forms reads in Spanish (issue 15, {@code scripts/formjs-es.js}): a form with
 * dynamic lists, selects, e-mails and numbers (conduct-outreach) and one with a pattern (report-progress)
 * are opened in Tasklist, their errors provoked (a required field emptied, an e-mail without @, a link that
 * is not one, a list row added), their selects opened; then the visible text, placeholders, titles and ARIA
 * labels of the form must contain no English word of form-js and no field key of the contract. Works in
 * Nayarit and Tlaxcala, where no other test works in Tasklist.
 */
class FormTextsBrowserTest extends BrowserTestSupport {

  /** Words that only appear in English texts (form-js' and Tasklist's). */
  static final Pattern ENGLISH = Pattern.compile(
      "\\b(Field|required|must|Select|Search|Add new|Remove|Expand|Collapse|valid|pattern|minimum|maximum|"
          + "Increment|Decrement|Skip|Clear|No options)\\b");
  /** The contract's keys a person must never read. */
  static final Pattern KEYS = Pattern.compile(
      "\\b(outreachSessions|actors|attendees|activityProgress|evidenceUrl|signatoryName|commitmentSummary)\\b");

  @Test
  void theOutreachFormWithItsErrorsSpeaksSpanish() {
    ProcessInstance exercise = exercises.startAtStep("tla", 2);
    Task outreach = exercises.task(exercise, "conduct-outreach");
    loginToTasklist(guarantorOf("tla"));
    openTask(outreach);
    claim();

    // An e-mail without @ in a new row, a place emptied: form-js' own errors.
    browser.click(By.cssSelector("[cam-tasklist-form-camunda] [role='group'][aria-labelledby$='-List_Actors'] "
        + ".fjs-repeat-render-add"));
    WebElement email = browser.visible(By.cssSelector("[cam-tasklist-form-camunda] [id$='-Field_ActorEmail_0']"));
    email.sendKeys("sin-arroba", Keys.TAB);
    WebElement place = browser.visible(By.cssSelector("[cam-tasklist-form-camunda] [id$='-Field_SessionPlace_0']"));
    place.sendKeys("x");
    place.sendKeys(Keys.BACK_SPACE, Keys.TAB);
    browser.click(By.cssSelector("[cam-tasklist-form-camunda] [id$='-Field_ActorSector_0-display']"));
    browser.textContaining(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form-field-error"), "correo");
    browser.screenshot("formulario-errores-es.png");
    assertSpanish("conduct-outreach");
  }

  @Test
  void theProgressReportWithABadLinkSpeaksSpanish() {
    ProcessInstance exercise = exercises.startAtStep("nay", 6);
    Task report = exercises.tasks(exercise, "report-progress").get(0);
    loginToTasklist("titular.society." + exercises.tag(exercise) + "@stl.mx");
    openTask(report);
    claim();
    WebElement link = browser.visible(By.cssSelector("[cam-tasklist-form-camunda] input[id$='-Field_EvidenceUrl']"));
    link.sendKeys("no es un enlace", Keys.TAB);
    browser.textContaining(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form-field-error"), "http");
    assertSpanish("report-progress");
  }

  private void assertSpanish(String form) {
    @SuppressWarnings("unchecked")
    List<String> texts = (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const form = document.querySelector('[cam-tasklist-form-camunda]');
        const out = [form.innerText];
        form.querySelectorAll('[placeholder],[title],[aria-label]').forEach(e =>
          ['placeholder', 'title', 'aria-label'].forEach(a => { if (e.getAttribute(a)) out.push(e.getAttribute(a)); }));
        return out;""");
    List<String> english = new ArrayList<>();
    for (String text : texts) {
      if (ENGLISH.matcher(text).find() || KEYS.matcher(text).find()) {
        english.add(text.length() > 200 ? text.substring(0, 200) + "…" : text);
      }
    }
    assertThat(english).as("English or field keys a person can read in " + form).isEmpty();
  }

  private void claim() {
    By claim = By.cssSelector("[cam-tasklist-task-meta] button.claim");
    if (!browser.driver().findElements(claim).isEmpty()) {
      browser.click(claim);
      browser.gone(claim);
    }
    browser.visible(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form"));
  }
}
