package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import mx.cocreacion.security.PlatformSetup;
import mx.cocreacion.validation.Dates;
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
  void theStartFormOffersTheGuarantorsOwnEntidadAndAsksTheYear() {
    String guarantor = guarantorOf("tla");
    int nextYear = Year.now(Dates.MEXICO).getValue() + 1;
    loginToTasklist(guarantor);
    openStartForm("Ejercicio local de cocreación");
    assertThat(browser.textContaining(By.cssSelector(".modal .cc-entidad-propia"), "Tlaxcala"))
        .isEqualTo("Entidad federativa: Tlaxcala (la de su cuenta).");
    assertThat(Browser.displayed(browser.driver(), By.cssSelector(".modal .fjs-form-field-select")))
        .as("the list of the 32 entidades").isEmpty();
    Map<By, String> fields = new LinkedHashMap<>();
    fields.put(By.cssSelector(".modal input[id$='-Field_Year']"), String.valueOf(nextYear));
    fields.put(By.cssSelector(".modal input[id$='-Field_ExerciseName']"), "Cocreación desde lo local, Tlaxcala " + nextYear);
    fields.put(By.cssSelector(".modal input[id$='-Field_GuarantorBody']"), "Instituto de Acceso a la Información de Tlaxcala");
    browser.fill(fields);
    browser.screenshot("tasklist-inicio-del-ejercicio.png");
    browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Iniciar']"));

    ProcessInstance started = browser.until("the exercise tla-" + nextYear + " started", d ->
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("tla-" + nextYear)
            .processDefinitionKey("local-exercise").singleResult());
    assertThat(started.getTenantId()).isEqualTo("tla");
    engine.getRuntimeService().deleteProcessInstance(started.getId(), "Prueba: limpieza");
  }

  @Test
  void theAdministrationIsOfferedWhatOnlyItMayDo() {
    loginToTasklist("admin");
    browser.until("Crear tarea offered to the administration", d ->
        Browser.displayed(d, CREATE_TASK).isEmpty() ? null : true);
  }
}
