package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.plan.CommitmentVote;
import mx.cocreacion.plan.CommitmentVoteRepository;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An STL titular votes each commitment in Tasklist on a phone (390 px): the form {@code approve-commitments}
 * lists the commitments of the vote, one approve/return choice and comment each; a returned commitment
 * without a comment is refused with the Spanish message naming the row as the form does, and once the
 * comment is there the votes are recorded per commitment.
 */
class ApproveCommitmentsBrowserTest extends BrowserTestSupport {

  private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] .form-actions button[ng-click='complete()']");
  private static final By NOTIFICATION = By.cssSelector(".notifications .alert");

  @Autowired CommitmentVoteRepository votes;

  @Test
  void aTitularApprovesOneCommitmentAndReturnsTheOtherWithAComment() {
    ProcessInstance exercise = exercises.startAtStep("oax", 4);
    exercises.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    exercises.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    exercises.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    Task task = exercises.tasks(exercise, "approve-commitments").get(0);

    browser.viewport(390, 844);
    loginToTasklist(task.getAssignee());
    browser.get("/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.textContaining(By.cssSelector(".task-details .task-card"), task.getName());
    browser.visible(FORM);
    // The vote is the titular's own: nothing to give back to a group.
    assertThat(browser.textContaining(By.cssSelector(".task-details .cc-aviso-tarea"), "Esta tarea es suya"))
        .contains("solo usted puede completarla").doesNotContain("devuélvala");

    choose(0, "Lo apruebo");
    choose(1, "Lo devuelvo: solicito cambios");
    browser.click(COMPLETE);
    assertThat(browser.textContaining(NOTIFICATION, "es obligatorio cuando se devuelve el compromiso"))
        .contains("Su voto por compromiso, fila 2, Comentario");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as("still open").isEqualTo(1);

    By comment = By.cssSelector("[cam-tasklist-form-camunda] [id$='-Field_VoteComments_1']");
    browser.type(comment, "Falta una meta medible");
    browser.driver().findElement(comment).sendKeys(Keys.TAB);
    browser.screenshot("tasklist-aprobar-compromisos-movil.png");
    browser.click(COMPLETE);
    browser.until("the vote recorded", d -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0
        ? true : null);

    assertThat(votes.ofExercise(exercise.getId())).extracting(CommitmentVote::position, CommitmentVote::approved,
        CommitmentVote::comments).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true, null),
            org.assertj.core.groups.Tuple.tuple(2, false, "Falta una meta medible"));
  }

  /** Clicks the option with this label in row {@code row} of the votes list. */
  private void choose(int row, String label) {
    browser.click(By.xpath("//*[@cam-tasklist-form-camunda]//label[contains(@for,'-Field_VoteApproved_" + row
        + "')][normalize-space(.)='" + label + "']"));
    browser.until(label + " chosen in row " + (row + 1), d -> d.findElements(By.xpath(
        "//*[@cam-tasklist-form-camunda]//label[contains(@for,'-Field_VoteApproved_" + row + "')][normalize-space(.)='"
            + label + "']")).stream().anyMatch(l -> d.findElement(By.id(l.getDomAttribute("for"))).isSelected())
        ? true : null);
  }
}
