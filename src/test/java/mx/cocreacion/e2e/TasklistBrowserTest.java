package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.outreach.OutreachProcess;
import mx.cocreacion.security.PlatformSetup;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist in a real browser: {@code oax-guarantor} logs in, claims the {@code conduct-outreach}
 * task of a fresh exercise, fills the Camunda Form (form-js dynamic lists) and completes it; a
 * submission that breaks a server-side rule shows the server's Spanish message.
 *
 * <p>Elements are found by stable attributes, not by Tasklist's (English) labels: Tasklist's
 * AngularJS attributes and classes ({@code [cam-tasks]}, {@code [cam-tasklist-task-meta] .claim},
 * {@code ng-click="complete()"}, {@code .notifications}) and form-js ids, which end with the
 * component id of {@code forms/conduct-outreach.form} plus the row inside a dynamic list
 * ({@code fjs-form-<random>-Field_ActorName_0}). Texts in Spanish come from the product (filter
 * names, task names, option labels of the form).
 *
 * <p>"Completar" is pressed as a person would, without "Guardar" first: Tasklist 7.24 alone keeps it
 * disabled after a field inside a dynamic list is edited; our Tasklist script
 * {@code app/tasklist/scripts/complete-with-dynamic-lists.js} (via {@code customScripts}) fixes that.
 */
class TasklistBrowserTest extends BrowserTestSupport {

  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final String USER = "oax-guarantor";
  private static final String NEXT_TASK_NAME = "Convocar reunión del STL";

  /** The rendered Camunda Form of the open task. */
  private static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim");
  private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] .form-actions button[ng-click='complete()']");
  private static final By NOTIFICATION = By.cssSelector(".notifications .alert");
  /** The note above the task's form (scripts/avisos.js) and its button. */
  private static final By NOTE = By.cssSelector(".task-details .cc-aviso-tarea");
  private static final By NOTE_BUTTON = By.cssSelector(".task-details .cc-aviso-tarea button");
  /** Errors that form-js shows in the form (class set by form-js on a field whose error list is not empty). */
  private static final By FORM_ERRORS = By.cssSelector("[cam-tasklist-form-camunda] .fjs-has-errors");
  /** Our fix reacts within milliseconds of form-js' change (typing is debounced 300 ms by form-js). */
  private static final Duration COMPLETE_REACTS_WITHIN = Duration.ofSeconds(5);

  @Autowired RecordRepository records;

  @Test
  void guarantorRegistersOutreachInTasklistAndTheNextTaskAppears() {
    ProcessInstance exercise = exercises.startAtStep("oax", 2);
    Task outreach = exercises.task(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH);

    loginToTasklist(USER);
    openTask(outreach);
    claim(outreach);

    fillSession(0, "10/10/2031", "Casa de la Cultura de Oaxaca", "35");
    // The rows first, through the list's "Agregar" button: adding a row re-renders the list, and form-js may
    // drop what was typed in another row less than its debounce (300 ms) before (the test failed so, seldom).
    ensureRows("List_Actors", 4);
    fillActor(0, "Ana Ruiz", "Órgano garante de Oaxaca", "Organismo garante", "ana.ruiz@garante.oax.mx");
    fillActor(1, "Colectivo Abierto", "Colectivo Abierto A.C.", "Sociedad civil", "contacto@colectivo.org.mx");
    fillActor(2, "Luis Gómez", "Secretaría de Finanzas", "Autoridad", "luis.gomez@finanzas.oax.gob.mx");
    // A real error inside the list still disables "Completar" ...
    fillActor(3, "Red de Jóvenes", "Red de Jóvenes Oaxaqueños", "Sociedad civil", "jovenes-sin-arroba");
    assertCompleteDisabledBy("Field_ActorEmail_3");
    // ... and correcting it enables "Completar" again, without "Guardar".
    enter(field("Field_ActorEmail", 3), "jovenes@red.org.mx");
    assertCompleteEnabled();
    browser.screenshot("tasklist-outreach-form.png");

    complete();
    assertThat(browser.textContaining(NOTIFICATION, "Tarea completada"))
        .contains("«" + outreach.getName() + "» quedó registrada");

    String taskId = outreach.getId();
    browser.until("conduct-outreach " + taskId + " completed in the engine",
        d -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0 ? true : null);
    Task next = exercises.task(exercise, "convene-stl-meeting");
    assertThat(next.getName()).isEqualTo(NEXT_TASK_NAME);
    assertThat(next.getTenantId()).isEqualTo("oax");

    assertThat(records.payloads(exercise.getId(), OutreachProcess.RECORD_OUTREACH)).singleElement()
        .satisfies(minutes -> assertThat(minutes).contains("Casa de la Cultura de Oaxaca", "2031-10-10",
            "Ana Ruiz", "Colectivo Abierto", "Luis Gómez", "Red de Jóvenes", "guarantor", "society", "government"));
    HistoricVariableInstance actors = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(outreach.getProcessInstanceId()).variableName(OutreachProcess.VAR_ACTORS).singleResult();
    assertThat(actors).as("actors variable of the outreach instance").isNotNull();
    assertThat(actors.getTypeName()).isEqualToIgnoringCase("json");
    assertThat(String.valueOf(actors.getValue()))
        .contains("ana.ruiz@garante.oax.mx", "luis.gomez@finanzas.oax.gob.mx", "jovenes@red.org.mx");

    // The next task shows up in the guarantor's group filter, after a reload of Tasklist.
    browser.driver().navigate().refresh();
    openGroupFilter();
    WebElement item = browser.visible(taskInList(next.getId()));
    assertThat(item.getText()).isEqualTo(NEXT_TASK_NAME);
    browser.screenshot("tasklist-next-task.png");
  }

  @Test
  void aSubmissionThatBreaksAServerRuleShowsTheSpanishMessage() {
    ProcessInstance exercise = exercises.startAtStep("oax", 2);
    Task outreach = exercises.task(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH);

    loginToTasklist(USER);
    openTask(outreach);
    claim(outreach);

    fillSession(0, "10/10/2031", "Auditorio municipal", "12");
    // Actors of one sector only: the form accepts it, the server refuses it.
    ensureRows("List_Actors", 1);
    keepRows("List_Actors", 1);
    fillActor(0, "Colectivo Abierto", "Colectivo Abierto A.C.", "Sociedad civil", "contacto@colectivo.org.mx");

    complete();

    String message = browser.textContaining(NOTIFICATION, "debe incluir al menos un actor de cada sector");
    assertThat(message).contains("No se pudo completar la tarea", "Actores locales:", "falta:", "Organismo garante", "Autoridad")
        .as("the field by its label, not its key").doesNotContain("actors:");
    browser.screenshot("tasklist-validation-error.png");

    assertThat(engine.getTaskService().createTaskQuery().taskId(outreach.getId()).taskAssignee(USER).count())
        .as("the task stays open, still claimed").isEqualTo(1);
    assertThat(exercises.tasks(exercise, "convene-stl-meeting")).isEmpty();
    assertThat(records.payloads(exercise.getId(), OutreachProcess.RECORD_OUTREACH)).isEmpty();
    assertThat(browser.driver().findElements(FORM)).as("the form stays on screen").isNotEmpty();

    // Corrected and sent again: the success replaces the error, which is stale by then.
    ensureRows("List_Actors", 3);
    fillActor(1, "Ana Ruiz", "Órgano garante de Oaxaca", "Organismo garante", "ana.ruiz@garante.oax.mx");
    fillActor(2, "Luis Gómez", "Secretaría de Finanzas", "Autoridad", "luis.gomez@finanzas.oax.gob.mx");
    complete();
    browser.textContaining(NOTIFICATION, "Tarea completada");
    assertThat(Browser.displayed(browser.driver(), NOTIFICATION)).singleElement()
        .satisfies(shown -> assertThat(shown.getText()).doesNotContain("No se pudo"));
    browser.screenshot("tasklist-tarea-completada.png");
  }

  // --- Tasklist ------------------------------------------------------------------------------

  /**
   * A task nobody holds is read-only until taken: the note above the form (scripts/avisos.js) says why and
   * offers «Tomar la tarea»; once taken, it says how to give the task back.
   */
  private void claim(Task task) {
    assertThat(browser.textContaining(NOTE, "Nadie tiene esta tarea")).contains("Tómela para llenarlo");
    browser.click(NOTE_BUTTON);
    browser.gone(CLAIM);
    browser.until("task " + task.getId() + " assigned to " + USER,
        d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).taskAssignee(USER).count() == 1 ? true : null);
    browser.textContaining(NOTE, "Usted tiene esta tarea");
    assertThat(browser.visible(NOTE_BUTTON).getText()).isEqualTo("Devolver la tarea");
    browser.visible(FORM);
  }

  /** Presses only "Completar", as a person would, once it is enabled (see {@link #assertCompleteEnabled()}). */
  private void complete() {
    assertCompleteEnabled();
    browser.click(COMPLETE);
  }

  /**
   * "Completar" is enabled soon after the last edit, without "Guardar". Tasklist 7.24 alone kept it
   * disabled once a field inside a dynamic list had been edited (form-js leaves an empty error entry
   * per edited list field and Tasklist counted the keys of the error map);
   * {@code scripts/complete-with-dynamic-lists.js} counts only errors that form-js shows.
   */
  private void assertCompleteEnabled() {
    try {
      browser.until("'Completar' enabled without 'Guardar'", COMPLETE_REACTS_WITHIN,
          d -> d.findElement(COMPLETE).isEnabled() ? true : null);
    } catch (TimeoutException e) {
      List<String> shown = shownErrors();
      Assertions.fail(shown.isEmpty()
          ? "'Completar' stays disabled although form-js shows no error (Tasklist's dynamic-list bug is back?)"
          : "form-js refuses the form: " + shown, e);
    }
  }

  /** A real error (form-js shows it on the field) keeps "Completar" disabled. */
  private void assertCompleteDisabledBy(String fieldInstanceId) {
    browser.until("form-js shows an error on " + fieldInstanceId + " and 'Completar' is disabled", d -> {
      boolean shown = shownErrors().stream().anyMatch(e -> e.startsWith(fieldInstanceId + ":"));
      return shown && !d.findElement(COMPLETE).isEnabled() ? true : null;
    });
  }

  /** The errors form-js shows, as {@code <component id>_<row>: <message>}. */
  private List<String> shownErrors() {
    return browser.driver().findElements(FORM_ERRORS).stream().filter(WebElement::isDisplayed)
        .map(field -> field.findElements(By.cssSelector(".fjs-form-field-error")).stream()
            .map(error -> error.getDomAttribute("id").replaceAll("^fjs-form-[^-]+-", "")
                .replaceAll("(-date)?-error-message$", "") + ": " + error.getText())
            .findFirst().orElse("?"))
        .toList();
  }

  // --- form-js (forms/conduct-outreach.form) -------------------------------------------------

  /** A form-js input: its id ends with the component id and, inside a dynamic list, the row. */
  private static By field(String componentId, int row) {
    return By.cssSelector("[cam-tasklist-form-camunda] [id$='-" + componentId + "_" + row + "']");
  }

  private static By list(String listId) {
    return By.cssSelector("[cam-tasklist-form-camunda] [role='group'][aria-labelledby$='-" + listId + "']");
  }

  private int rows(String listId) {
    return browser.driver().findElement(list(listId)).findElements(By.cssSelector(".fjs-repeat-row-container")).size();
  }

  /** Clicks the list's "Add new" button until it has at least {@code count} rows. */
  private void ensureRows(String listId, int count) {
    By add = By.cssSelector("[cam-tasklist-form-camunda] [role='group'][aria-labelledby$='-" + listId
        + "'] .fjs-repeat-render-add");
    while (rows(listId) < count) {
      int before = rows(listId);
      browser.click(add);
      browser.until(listId + " has " + (before + 1) + " rows", d -> rows(listId) > before ? true : null);
    }
    browser.settleForm(); // the last row's re-render is done before anything is typed
  }

  /** Removes the last rows (their "×" button) until only {@code count} are left. */
  private void keepRows(String listId, int count) {
    while (rows(listId) > count) {
      int before = rows(listId);
      By lastRemove = By.cssSelector("[cam-tasklist-form-camunda] [role='group'][aria-labelledby$='-" + listId
          + "'] .fjs-repeat-row-container:nth-of-type(" + before + ") > .fjs-repeat-row-remove");
      browser.click(lastRemove);
      browser.until(listId + " has " + (before - 1) + " rows", d -> rows(listId) < before ? true : null);
    }
  }

  /**
   * The date is typed (day equal to month, so it reads the same as dd/mm/yyyy and mm/dd/yyyy:
   * form-js takes the format from the browser's locale).
   */
  private void fillSession(int row, String date, String place, String attendees) {
    enter(By.cssSelector("[cam-tasklist-form-camunda] [id$='-Field_SessionDate_" + row + "-date']"), date);
    enter(field("Field_SessionPlace", row), place);
    enter(field("Field_SessionAttendees", row), attendees);
  }

  private void fillActor(int row, String name, String organization, String sectorLabel, String email) {
    enter(field("Field_ActorName", row), name);
    enter(field("Field_ActorOrganization", row), organization);
    select("Field_ActorSector_" + row, sectorLabel);
    enter(field("Field_ActorEmail", row), email);
  }

  /**
   * Types into a form-js input and leaves it with Tab, as a person would. form-js debounces what
   * is typed (300 ms) and commits it to the form's data when the input loses focus; leaving each
   * input at once keeps a late commit from re-rendering the form while the next input is typed.
   */
  private void enter(By input, String text) {
    browser.type(input, text);
    browser.driver().findElement(input).sendKeys(Keys.TAB);
  }

  /** A form-js select: click its display, then the option with the label from the form. */
  private void select(String fieldInstanceId, String label) {
    By display = By.cssSelector("[cam-tasklist-form-camunda] [id$='-" + fieldInstanceId + "-display']");
    browser.until("option '" + label + "' chosen in " + fieldInstanceId, d -> {
      WebElement shown = d.findElement(display);
      if (label.equals(shown.getText().trim())) {
        return true;
      }
      WebElement field = shown.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
      List<WebElement> options = Browser.displayed(field, By.cssSelector(".fjs-dropdownlist-item"));
      if (options.isEmpty()) {
        browser.scrollIntoView(shown);
        shown.click();
      }
      for (WebElement option : options) {
        if (label.equals(option.getText().trim())) {
          option.click();
        }
      }
      return null;
    });
  }
}
