package mx.cocreacion.security;

import static mx.cocreacion.support.Refusals.refused;
import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import mx.cocreacion.validation.ValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Identity comes from what no person writes (issue 14): even when a variable says otherwise (here the
 * administration writes them, the only one who still can), a task writes into its own exercise, a
 * signature counts for the sector the task was offered to, a report for the commitment its instance
 * implements, the STL's vote follows the rule on record and the year-end evaluation falls due when the
 * plan of record says the PAL ends. And accounts are never adopted across entidades.
 */
class TrustRulesTest extends ProcessTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired ExerciseRepository exercises;

  @Test
  void aReportLandsInItsOwnExerciseAndCommitmentWhateverTheVariablesSay() {
    ProcessInstance oax = driver.startAtStep("oax", 6);
    ProcessInstance jal = driver.startAtStep("jal", 6);
    Task report = driver.tasks(jal, "report-progress").get(0);
    int commitment = jdbc.sql("select position from cc_commitment where implementation_id = :i")
        .param("i", report.getProcessInstanceId()).query(Integer.class).single();
    int other = commitment == 1 ? 2 : 1;

    engine.getTaskService().setVariableLocal(report.getId(), "exerciseId", oax.getId());
    engine.getRuntimeService().setVariable(report.getProcessInstanceId(), "commitmentPosition", other);
    engine.getTaskService().complete(report.getId(), Variables.createVariables()
        .putValueTyped("activityProgress", json("[{\"activity\":1,\"status\":\"done\"}]")));

    assertThat(reports(oax.getId())).isEmpty();
    assertThat(reports(jal.getId())).containsExactly(commitment);
  }

  @Test
  void aSignatureCountsForTheSectorTheTaskWasOfferedTo() {
    ProcessInstance exercise = driver.start("cam");
    Task society = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey("sign-declaration").taskCandidateGroup("society").singleResult();
    engine.getRuntimeService().setVariableLocal(society.getExecutionId(), "sector", "government");
    driver.signDeclaration(exercise);

    List<String> sectors = jdbc.sql("""
            select payload from cc_record where exercise_id = :e and kind = 'declaration-signature'""")
        .param("e", exercise.getId()).query(String.class).list().stream()
        .map(payload -> payload.replaceAll(".*\"sector\":\"([a-z]+)\".*", "$1")).sorted().toList();
    assertThat(sectors).containsExactly("government", "guarantor", "society");
  }

  @Test
  void theEvaluationFallsDueWhenThePlanOfRecordSaysThePalEnds() {
    ProcessInstance exercise = driver.startAtStep("oax", 5);
    driver.complete(exercise, "schedule-pal", TestVariables.schedulePal());
    engine.getRuntimeService().setVariable(driver.step(exercise, "pal-launch").getId(), "palEnd",
        new Date(4102444800000L)); // 2100-01-01, written around the model
    driver.complete(exercise, "hold-public-launch", TestVariables.holdPublicLaunch());

    Date palEnd = Date.from(exercises.findById(exercise.getId()).orElseThrow().palEnd());
    List<Date> timers = engine.getManagementService().createJobQuery()
        .processInstanceId(driver.step(exercise, "follow-up").getId()).timers().list().stream()
        .map(Job::getDuedate).toList();
    assertThat(timers).contains(palEnd).noneMatch(due -> due.getTime() == 4102444800000L);
  }

  @Test
  void theStlVotesUnderTheRuleOnRecordNotAVariable() {
    ProcessInstance exercise = driver.startAtStep("jal", 4); // rules on record: consensus
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    engine.getRuntimeService().setVariable(driver.step(exercise, "working-tables").getId(), "decisionRule", "majority");
    List<Task> votes = driver.tasks(exercise, "approve-commitments");
    assertThat(votes).hasSize(3);
    engine.getTaskService().complete(votes.get(0).getId(), TestVariables.approve(false, "Falta un indicador"));
    engine.getTaskService().complete(votes.get(1).getId(), TestVariables.approve(true, "De acuerdo"));
    engine.getTaskService().complete(votes.get(2).getId(), TestVariables.approve(true, "De acuerdo"));

    // Two of three would be a majority; the STL decides by consensus, so the commitments go back.
    assertThat(driver.tasks(exercise, "consolidate-commitments")).hasSize(1);
  }

  @Test
  void anAccountOfAnotherEntidadOfInaiOrOfTheAdministrationIsNotAdopted() {
    ProcessInstance oax = driver.startAtStep("oax", 4);
    String oaxMember = "titular.society." + driver.tag(oax) + "@stl.mx";
    ProcessInstance jal = driver.startAtStep("jal", 3);
    driver.complete(jal, "convene-stl-meeting", TestVariables.conveneStlMeeting());

    for (String foreign : List.of(oaxMember, "inai-monitor@demo.cocreacion.mx", "oax-guarantor@demo.cocreacion.mx")) {
      List<Map<String, String>> members = new ArrayList<>(TestVariables.stlMembers(driver.tag(jal)));
      members.get(2).put("email", foreign);
      ValidationException e = refused(() -> driver.complete(jal, "elect-stl", Variables.createVariables()
          .putValueTyped("stlMembers", json(TestVariables.toJson(members)))));
      assertThat(e.getViolations()).anySatisfy(v -> {
        assertThat(v.field()).isEqualTo("stlMembers[3].email");
        assertThat(v.message()).contains(foreign, "no es de esta entidad");
        // Nothing says whose account it is.
        assertThat(v.message().replace(foreign, "")).doesNotContainIgnoringCase("oax").doesNotContain("Oaxaca")
            .doesNotContainIgnoringCase("inai").doesNotContainIgnoringCase("admin");
      });
    }
    assertThat(engine.getIdentityService().createTenantQuery().userMember(oaxMember).list())
        .extracting(t -> t.getId()).containsExactly("oax");

    // A person of the same entidad keeps their account: the guarantor of Jalisco elected to the STL.
    List<Map<String, String>> members = new ArrayList<>(TestVariables.stlMembers(driver.tag(jal)));
    members.get(0).put("email", "jal-guarantor@demo.cocreacion.mx");
    driver.complete(jal, "elect-stl", Variables.createVariables()
        .putValueTyped("stlMembers", json(TestVariables.toJson(members)))
        .putValueTyped("meetingMinutes", TestVariables.meetingMinutes()));
    driver.complete(jal, "define-stl-rules", TestVariables.defineStlRules("consensus"));

    ValidationException facilitator = refused(() -> driver.complete(jal, "select-facilitator",
        Variables.createVariables().putValue("facilitatorName", "Alguien").putValue("facilitatorEmail", oaxMember)));
    assertThat(facilitator.getViolations()).extracting(v -> v.field()).containsExactly("facilitatorEmail");
  }

  private List<Integer> reports(String exerciseId) {
    return jdbc.sql("select commitment_position from cc_progress_report where exercise_id = :e")
        .param("e", exerciseId).query(Integer.class).list();
  }

  @Test
  void aTaskSomeoneHoldsIsCompletedOnlyByThem() {
    ProcessInstance jal = driver.startAtStep("jal", 6);
    Task report = driver.tasks(jal, "report-progress").get(0);
    String holder = "titular.society." + driver.tag(jal) + "@stl.mx";
    String colleague = "suplente.society." + driver.tag(jal) + "@stl.mx";
    var identity = engine.getIdentityService();
    identity.setAuthentication(holder, List.of("stl"), List.of("jal"));
    try {
      engine.getTaskService().claim(report.getId(), holder);
    } finally {
      identity.clearAuthentication();
    }
    identity.setAuthentication(colleague, List.of("stl"), List.of("jal"));
    try {
      Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> engine.getTaskService().complete(
          report.getId(), Variables.createVariables().putValueTyped("activityProgress",
              json("[{\"activity\":1,\"status\":\"done\"}]"))));
      assertThat(refused).isInstanceOf(Refusal.class).hasMessageContaining("asignada a otra persona");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(report.getId()).count()).isOne();
    assertThat(reports(jal.getId())).isEmpty();
  }
}
