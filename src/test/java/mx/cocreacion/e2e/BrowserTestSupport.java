package mx.cocreacion.e2e;

import mx.cocreacion.security.PlatformSetup;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on its random port, a headless Debian Chromium per test
 * (required under CI=true, skipped with the reason otherwise), an exercise driver, and on failure
 * a screenshot and the page source in {@code target/screenshots/FAILED-<test>.*}.
 */
@CocreacionTest
abstract class BrowserTestSupport {

  /** The Camunda Form of the open task. */
  static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  ExerciseDriver exercises;
  Browser browser;

  @RegisterExtension
  final TestExecutionExceptionHandler failureEvidence = (context, thrown) -> {
    if (browser != null) {
      browser.saveEvidence("FAILED-" + context.getRequiredTestMethod().getName());
    }
    throw thrown;
  };

  @BeforeAll
  static void chromiumIsInstalled() {
    Browser.requireChromium();
  }

  @BeforeEach
  void openBrowser() {
    exercises = new ExerciseDriver(engine);
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** Signs in to Tasklist as {@code user} (password "demo") and waits for its filters. */
  void loginToTasklist(String user) {
    browser.get("/camunda/app/tasklist/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.textContaining(By.cssSelector(".task-filters .task-filter"), PlatformSetup.FILTER_MY_TASKS);
  }

  /**
   * Shows the shared filter «Tareas de mi grupo» (tasks of the person's groups) and waits for its list;
   * fails with Tasklist's own message when the list cannot be loaded.
   */
  void openGroupFilter() {
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'task-filter')]"
        + "//h4/a[starts-with(normalize-space(.),'" + PlatformSetup.FILTER_GROUP_TASKS + "')]"));
    browser.textContaining(By.cssSelector(".task-filters .task-filter.active"), PlatformSetup.FILTER_GROUP_TASKS);
    String failure = browser.until("the task list of " + PlatformSetup.FILTER_GROUP_TASKS, d -> {
      for (WebElement alert : Browser.displayed(d, By.cssSelector("[cam-tasks] .alert-danger"))) {
        return alert.getText();
      }
      return Browser.displayed(d, By.cssSelector("[cam-tasks] ol.tasks-list, [cam-tasks] .well")).isEmpty() ? null : "";
    });
    if (!failure.isEmpty()) {
      Assertions.fail("Tasklist cannot show the filter '" + PlatformSetup.FILTER_GROUP_TASKS + "': " + failure);
    }
  }

  /**
   * Opens the task by clicking it in the group filter's list and waits for its form. Opening it by URL alone
   * ({@code #/?task=<id>}) shows it too, but Tasklist drops {@code task} from the URL and closes the task at
   * the next refresh of the list (e.g. right after "Reclamar").
   */
  void openTask(Task task) {
    openGroupFilter();
    browser.click(taskInList(task.getId()));
    browser.until("task " + task.getId() + " selected", d -> d.getCurrentUrl().contains("task=" + task.getId()) ? true : null);
    browser.textContaining(By.cssSelector(".task-details .task-card"), task.getName());
    browser.visible(FORM);
  }

  /**
   * Opens the start form of the process Tasklist lists as {@code name} («Iniciar proceso», on a phone through the
   * folded menu) and waits for it. A click lost while the modal slides in is tried again, up to three times.
   */
  void openStartForm(String name) {
    By toggle = By.cssSelector("[cam-widget-header] .navbar-toggle");
    By start = By.cssSelector(".start-process-action a, [cam-tasklist-navbar-action-start-process] a");
    By process = By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),'" + name + "')]");
    By form = By.cssSelector(".modal form.fjs-form");
    for (int attempt = 1; ; attempt++) {
      if (Browser.displayed(browser.driver(), process).isEmpty()) {
        browser.until("Tasklist's header", d -> Browser.displayed(d, start).isEmpty()
            && Browser.displayed(d, toggle).isEmpty() ? null : true);
        if (Browser.displayed(browser.driver(), start).isEmpty() && !Browser.displayed(browser.driver(), toggle).isEmpty()) {
          browser.click(toggle); // a phone: the menu is folded
        }
        browser.clickSteady(start);
      }
      browser.clickSteady(process);
      try {
        browser.until("the start form of " + name, java.time.Duration.ofSeconds(20),
            d -> Browser.displayed(d, form).isEmpty() ? null : true);
        return;
      } catch (org.openqa.selenium.TimeoutException lost) {
        if (attempt == 3) {
          throw lost;
        }
      }
    }
  }

  static By taskInList(String taskId) {
    return By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']");
  }

  /**
   * A guarantor of an entidad without demo users (they exist for oax, jal and cam only), so that a test
   * works where no other test does: {@code <tenant>-garante-prueba}, password "demo".
   */
  String guarantorOf(String tenant) {
    var identity = engine.getIdentityService();
    String id = tenant + "-garante-prueba";
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Garante");
      user.setLastName("de prueba");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, "guarantor");
      identity.createTenantUserMembership(tenant, id);
    }
    return id;
  }
}
