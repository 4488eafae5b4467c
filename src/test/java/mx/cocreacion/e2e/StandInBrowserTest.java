package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.security.PlatformSetup;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A suplente votes in Tasklist, on a phone, in place of the absent titular of their sector: the vote is in their
 * filter «Votos que puedo suplir», Tasklist's note on it links to the page of the suplencia, the suplente says why
 * and takes it over, and back in Tasklist votes each commitment with the titular's form. The vote is the seat's.
 */
class StandInBrowserTest extends BrowserTestSupport {

  private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] .form-actions button[ng-click='complete()']");
  private static final By NOTE = By.cssSelector(".task-details .cc-aviso-tarea");

  @Autowired StandInRepository standIns;
  @Autowired mx.cocreacion.plan.CommitmentVoteRepository votes;

  @Test
  void theSuplenteOfTheSectorTakesOverTheAbsentTitularsVoteAndCastsIt() {
    ProcessInstance exercise = exercises.startAtStep("chp", 4);
    exercises.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    exercises.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    exercises.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    String tag = exercises.tag(exercise);
    String titular = "titular.society." + tag + "@stl.mx";
    String suplente = "suplente.society." + tag + "@stl.mx";
    Task vote = exercises.tasks(exercise, "approve-commitments").stream()
        .filter(t -> titular.equals(t.getAssignee())).findFirst().orElseThrow();

    browser.viewport(390, 844);
    loginToTasklist(suplente);
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//h4/a[starts-with(normalize-space(.),'"
        + PlatformSetup.FILTER_STAND_IN + "')]"));
    browser.click(taskInList(vote.getId()));
    assertThat(browser.textContaining(NOTE, "Este voto del STL lo tiene")).contains("puede votar en su lugar");
    browser.screenshot("tasklist-voto-de-titular-visto-por-suplente-movil.png");

    browser.click(By.xpath("//*[contains(@class,'cc-aviso-tarea')]//a[normalize-space(.)='Suplencia del voto']"));
    assertThat(browser.textContaining(By.tagName("main"), "Votar en suplencia")).contains("Persona titular society",
        "Sociedad civil");
    browser.type(By.id("motivo"), "Ausencia por comisión");
    browser.screenshot("suplencia-movil.png");
    browser.click(By.xpath("//button[starts-with(normalize-space(.),'Votar en lugar de')]"));

    // Back in Tasklist, the vote is the suplente's to fill in.
    browser.textContaining(By.cssSelector(".task-details .task-card"), vote.getName());
    assertThat(browser.textContaining(NOTE, "Esta tarea es suya")).contains("suplencia");
    browser.visible(FORM);
    for (int row = 0; row < 2; row++) {
      String label = "Lo apruebo";
      int r = row;
      browser.click(By.xpath("//*[@cam-tasklist-form-camunda]//label[contains(@for,'-Field_VoteApproved_" + r
          + "')][normalize-space(.)='" + label + "']"));
    }
    browser.settleForm();
    browser.screenshot("tasklist-voto-en-suplencia-movil.png");
    browser.click(COMPLETE);
    browser.until("the vote recorded", d -> engine.getTaskService().createTaskQuery().taskId(vote.getId()).count() == 0
        ? true : null);

    assertThat(votes.ofExercise(exercise.getId())).isNotEmpty()
        .allSatisfy(v -> assertThat(v.userId()).isEqualTo(titular));
    assertThat(standIns.votedIn(exercise.getId())).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo("Ausencia por comisión"));
  }
}
