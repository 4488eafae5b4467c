package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.security.PlatformSetup;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Orientation in Tasklist (issue 15): a person lands on the filter that holds their work ("Tareas de mi
 * grupo"), and is not offered what only the administration may do (free tasks, moving a due date,
 * follow-up dates); the administration is. Works in Tlaxcala, where no other test works in Tasklist.
 */
class OrientationBrowserTest extends BrowserTestSupport {

  private static final By CREATE_TASK = By.cssSelector(".create-task-action");
  private static final By FOLLOW_UP = By.cssSelector("[cam-tasklist-task-meta] .followup-date");
  private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .task-filter.active");

  @Test
  void aGuarantorLandsOnTheGroupsTasksAndIsOfferedOnlyTheirWork() {
    ProcessInstance exercise = exercises.start("tla");
    Task sign = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("guarantor").singleResult();
    String guarantor = guarantorOf("tla");

    login(guarantor);
    assertThat(browser.textContaining(ACTIVE_FILTER, PlatformSetup.FILTER_GROUP_TASKS))
        .as("the filter Tasklist opens on").contains(PlatformSetup.FILTER_GROUP_TASKS);
    browser.click(By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + sign.getId() + "']"));
    browser.visible(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form"));
    assertThat(Browser.displayed(browser.driver(), CREATE_TASK)).as("Crear tarea").isEmpty();
    assertThat(Browser.displayed(browser.driver(), FOLLOW_UP)).as("follow-up date").isEmpty();
    browser.screenshot("tasklist-orientacion-garante.png");
  }

  @Test
  void theAdministrationIsOfferedWhatOnlyItMayDo() {
    login("admin");
    browser.until("Crear tarea offered to the administration", d ->
        Browser.displayed(d, CREATE_TASK).isEmpty() ? null : true);
  }

  private void login(String user) {
    browser.get("/camunda/app/tasklist/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.textContaining(By.cssSelector(".task-filters .task-filter"), PlatformSetup.FILTER_MY_TASKS);
  }

  /** A guarantor of an entidad without demo users. */
  private String guarantorOf(String tenant) {
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
