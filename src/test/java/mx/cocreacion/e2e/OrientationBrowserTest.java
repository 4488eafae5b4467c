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
  private static final By REMOVE_DUE_DATE = By.cssSelector("[cam-tasklist-task-meta] .reset-due-date");
  private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .task-filter.active");

  @Test
  void aGuarantorLandsOnTheGroupsTasksAndIsOfferedOnlyTheirWork() {
    ProcessInstance exercise = exercises.start("tla");
    Task sign = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("guarantor").singleResult();
    String guarantor = guarantorOf("tla");

    loginToTasklist(guarantor);
    assertThat(browser.textContaining(ACTIVE_FILTER, PlatformSetup.FILTER_GROUP_TASKS))
        .as("the filter Tasklist opens on").contains(PlatformSetup.FILTER_GROUP_TASKS);
    browser.click(By.cssSelector("[cam-tasks] ol.tasks-list li.task h4.task a[href*='task=" + sign.getId() + "']"));
    browser.visible(By.cssSelector("[cam-tasklist-form-camunda] form.fjs-form"));
    assertThat(Browser.displayed(browser.driver(), CREATE_TASK)).as("Crear tarea").isEmpty();
    assertThat(Browser.displayed(browser.driver(), FOLLOW_UP)).as("follow-up date").isEmpty();
    assertThat(sign.getDueDate()).as("the task has a due date").isNotNull();
    assertThat(Browser.displayed(browser.driver(), REMOVE_DUE_DATE)).as("Quitar fecha de vencimiento").isEmpty();
    browser.screenshot("tasklist-orientacion-garante.png");
  }

  @Test
  void theAdministrationIsOfferedWhatOnlyItMayDo() {
    loginToTasklist("admin");
    browser.until("Crear tarea offered to the administration", d ->
        Browser.displayed(d, CREATE_TASK).isEmpty() ? null : true);
  }
}
