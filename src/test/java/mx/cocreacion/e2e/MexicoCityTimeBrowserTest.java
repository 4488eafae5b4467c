package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Everyone reads Mexico City time, whatever their computer's zone (issue 15,
 * {@code app/comun/scripts/configuracion-regional.js}). The browser is put in Tokyo, fifteen hours ahead, where
 * a Mexican evening is already the next day, and in English: Tasklist's due dates, its history and Cockpit's
 * instance list must still show the Mexico City date and hour, and the date fields of the forms dd/mm/aaaa.
 * Works in Guerrero, where no other test works.
 */
class MexicoCityTimeBrowserTest extends BrowserTestSupport {

  static final String TOKYO = "Asia/Tokyo";
  /** 3 December 2026, 22:10 in Mexico City (UTC-6); already 4 December, 13:10, in Tokyo. */
  static final Instant EVENING = Instant.parse("2026-12-04T04:10:00Z");
  /** 17 December 2026, 23:30 in Mexico City; 18 December, 14:30, in Tokyo. */
  static final Instant DUE = Instant.parse("2026-12-18T05:30:00Z");

  @Test
  void tasklistShowsMexicoCityTimeToABrowserInTokyo() {
    ClockUtil.setCurrentTime(Date.from(EVENING));
    ProcessInstance exercise = exercises.startAtStep("gro", 2);
    Task outreach = exercises.task(exercise, "conduct-outreach");
    engine.getTaskService().setDueDate(outreach.getId(), Date.from(DUE));
    String guarantor = guarantorOf("gro");
    engine.getIdentityService().setAuthentication(guarantor, List.of("guarantor"), List.of("gro"));
    try {
      engine.getTaskService().claim(outreach.getId(), guarantor); // the history's one entry, at 22:10
    } finally {
      engine.getIdentityService().clearAuthentication();
      ClockUtil.reset();
    }

    reopenBrowser();
    loginToTasklist(guarantor);
    assertThat(browser.script("return new Date(arguments[0]).getHours()", EVENING.toEpochMilli()))
        .as("the browser's own clock is Tokyo's").isEqualTo(13L);

    By dueInList = By.xpath("//*[@cam-tasks]//li[contains(@class,'task')][.//a[contains(@href,'task="
        + outreach.getId() + "')]]//*[contains(@class,'due-date')]//*[@uib-tooltip]");
    openTask(outreach);
    assertThat(browser.visible(dueInList).getAttribute("uib-tooltip"))
        .isEqualTo("jueves, 17 de diciembre de 2026 23:30");
    assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta] .due-date [am-time-ago]"))
        .getAttribute("uib-tooltip")).isEqualTo("jueves, 17 de diciembre de 2026 23:30");
    assertThat(browser.visible(By.id("footer-timezone")).getText()).isEqualTo("Fechas y horas en hora de la Ciudad de México");
    assertThat(browser.driver().findElement(By.cssSelector("#footer-timezone i")).getDomProperty("textContent"))
        .as("the zone the webapps use (its IANA id, not shown)").isEqualTo("America/Mexico_City");

    // A date field of the form: dd/mm/aaaa, and 15/01/2027 is the 15th of January (form-js writes it 15/1/2027).
    WebElement date = browser.visible(By.cssSelector("[cam-tasklist-form-camunda] input[id$='-Field_SessionDate_0-date']"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("dd/mm/aaaa");
    date.sendKeys("15/01/2027", Keys.TAB);
    browser.until("the date read as day/month", d -> "15/1/2027".equals(date.getAttribute("value")) ? true : null);

    browser.click(By.xpath("//*[contains(@class,'task-details')]//ul[contains(@class,'nav')]//a[normalize-space(.)='Historial']"));
    assertThat(browser.textContaining(By.cssSelector(".task-details .date-badge"), "diciembre"))
        .contains("03").doesNotContain("04");
    assertThat(browser.visible(By.cssSelector(".task-details .operation-time")).getText()).isEqualTo("22:10");
    browser.screenshot("tasklist-hora-de-mexico-desde-tokio.png");
  }

  @Test
  void cockpitShowsMexicoCityTimeToABrowserInTokyo() {
    ClockUtil.setCurrentTime(Date.from(EVENING));
    ProcessInstance exercise;
    try {
      exercise = exercises.start("gro");
    } finally {
      ClockUtil.reset();
    }
    ProcessInstance declaration = exercises.step(exercise, "declaration");

    reopenBrowser();
    browser.get("/camunda/app/cockpit/default/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), "inai-monitor");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.gone(By.cssSelector("form[name='signinForm']"));
    String search = "[{\"type\":\"PIbusinessKey\",\"operator\":\"eq\",\"value\":\"" + exercise.getBusinessKey() + "\"}]";
    browser.get("/camunda/app/cockpit/default/#/process-definition/" + declaration.getProcessDefinitionId()
        + "/runtime?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    By row = By.xpath("//tr[.//a[contains(@href,'" + declaration.getId() + "')]]");
    assertThat(browser.visible(row).getText()).contains("2026-12-03T22:10:00");
    browser.screenshot("cockpit-hora-de-mexico-desde-tokio.png");
  }

  /** A browser in Tokyo that prefers English: neither may change what a person reads. */
  private void reopenBrowser() {
    browser.close();
    browser = Browser.open("http://localhost:" + port, "en-US");
    browser.inTimeZone(TOKYO);
  }
}
