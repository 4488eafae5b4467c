package mx.cocreacion.worktables;

import static mx.cocreacion.support.Refusals.assertRefused;
import static mx.cocreacion.support.Refusals.refused;
import static mx.cocreacion.support.TestVariables.json;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step 4: the facilitator plans and holds the working tables, consolidates the commitments, and
 * the STL titulars approve them by their decision rule (or send them back with their comments).
 */
class WorkingTablesProcessTest extends ProcessTestSupport {

  @Autowired CommitmentRepository commitments;
  @Autowired RecordRepository records;
  @Autowired CommitmentViews views;

  @Test
  void oneWorkingTablePerPlannedTableThenConsolidationAndApproval() {
    var exercise = atWorkingTables("oax", "consensus");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_PLAN_WORKING_TABLES);
    Assertions.assertThat(driver.task(exercise, "plan-working-tables").getDueDate()).isNotNull();

    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua", "Salud", "Obra pública"));
    List<Task> held = driver.tasks(exercise, WorkingTablesProcess.TASK_HOLD_WORKING_TABLE);
    Assertions.assertThat(held).hasSize(3);
    Assertions.assertThat(held.stream().map(t -> engine.getTaskService().getVariable(t.getId(), "workingTableTopic")))
        .containsExactlyInAnyOrder("Agua", "Salud", "Obra pública");
    Assertions.assertThat(held).as("each task names its table, to tell them apart in Tasklist")
        .extracting(Task::getName).containsExactlyInAnyOrder("Realizar mesa de trabajo: Agua",
            "Realizar mesa de trabajo: Salud", "Realizar mesa de trabajo: Obra pública");

    driver.completeAll(exercise, WorkingTablesProcess.TASK_HOLD_WORKING_TABLE, TestVariables.holdWorkingTable());
    Assertions.assertThat(records.payloads(exercise.getId(), WorkingTablesProcess.RECORD_WORKING_TABLE)).hasSize(3);
    // Each table's answers stay local to it: nothing leaks into the step's variables.
    Assertions.assertThat(engine.getRuntimeService().getVariable(tables.getId(), "problems")).isNull();
    // The facilitator consolidates with what every table found in view.
    String consolidation = driver.task(exercise, WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS).getId();
    Assertions.assertThat(engine.getTaskService().getVariable(consolidation, "tablesSummary").toString())
        .contains("\"topic\":\"Agua\"", "\"topic\":\"Obra pública\"", "\"dateText\":\"10 de marzo de 2031\"",
            "\"participantsText\":\"2 participantes (Autoridad, Sociedad civil)\"", "\"problems\":[\"Opacidad en el gasto\"]");

    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    List<Task> approvals = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    String tag = driver.tag(exercise);
    Assertions.assertThat(approvals).extracting(Task::getAssignee).containsExactlyInAnyOrder(
        "titular.guarantor." + tag + "@stl.mx", "titular.society." + tag + "@stl.mx",
        "titular.government." + tag + "@stl.mx");
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isFalse();

    driver.completeAll(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS, TestVariables.approve(true, ""));

    assertThat(tables).hasPassed(WorkingTablesProcess.TASK_TALLY_APPROVAL, WorkingTablesProcess.TASK_RECORD_PLAN).isEnded();
    assertThat(exercise).isWaitingAt("step-5");
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isTrue();
    List<Commitment> plan = commitments.findByExercise(exercise.getId());
    Assertions.assertThat(plan).hasSize(2);
    Assertions.assertThat(plan.get(0).sdgs()).containsExactly(10, 16);
    Assertions.assertThat(plan.get(0).activities()).hasSize(2);
    Assertions.assertThat(plan.get(1).criteria()).containsEntry("gender", true).containsEntry("strategic", false);
    SpinJsonNode passed = (SpinJsonNode) engine.getRuntimeService().getVariable(exercise.getId(), "commitments");
    Assertions.assertThat(passed.elements()).hasSize(2);
  }

  @Test
  void underConsensusOneRejectionSendsTheCommitmentsBackWithEveryComment() {
    var exercise = atConsolidation("jal", "consensus");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    List<Task> approvals = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    engine.getTaskService().complete(approvals.get(0).getId(), TestVariables.approve(true, "Bien"));
    engine.getTaskService().complete(approvals.get(1).getId(), TestVariables.approve(true, ""));
    engine.getTaskService().complete(approvals.get(2).getId(), TestVariables.approve(false, "Falta un indicador de género"));

    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    String comments = (String) engine.getRuntimeService().getVariable(tables.getId(), "approvalComments");
    Assertions.assertThat(comments).contains("Falta un indicador de género").contains("Bien");
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isFalse();

    // Second round: the facilitator corrects, everybody approves.
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    driver.completeAll(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS, TestVariables.approve(true, ""));
    assertThat(tables).isEnded();
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isTrue();
  }

  @Test
  void underMajorityTwoOfThreeApproveButOneOfThreeDoesNot() {
    var exercise = atConsolidation("cam", "majority");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    List<Task> round1 = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    engine.getTaskService().complete(round1.get(0).getId(), TestVariables.approve(true, ""));
    engine.getTaskService().complete(round1.get(1).getId(), TestVariables.approve(false, "No es ambicioso"));
    engine.getTaskService().complete(round1.get(2).getId(), TestVariables.approve(false, "Falta presupuesto"));
    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    Assertions.assertThat((String) engine.getRuntimeService().getVariable(tables.getId(), "approvalComments"))
        .contains("No es ambicioso").contains("Falta presupuesto");

    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    List<Task> round2 = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    engine.getTaskService().complete(round2.get(0).getId(), TestVariables.approve(true, ""));
    engine.getTaskService().complete(round2.get(1).getId(), TestVariables.approve(false, "Sigo en contra"));
    engine.getTaskService().complete(round2.get(2).getId(), TestVariables.approve(true, ""));
    assertThat(tables).hasPassed(WorkingTablesProcess.TASK_RECORD_PLAN).isEnded();
    assertThat(exercise).isWaitingAt("step-5");
  }

  @Test
  void underConsensusOnlyTheReturnedCommitmentGoesBackAndTheNextVoteIsOnItAlone() {
    var exercise = atConsolidation("oax", "consensus");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    List<Task> round1 = byAssignee(driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS));
    // Each titular's task lists every commitment of the vote, nothing decided yet.
    Assertions.assertThat(engine.getTaskService().getVariable(round1.get(0).getId(), "votes").toString())
        .contains("\"position\":1", "\"position\":2", "\"approved\":null");
    engine.getTaskService().complete(round1.get(0).getId(), TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(2, true, "")));
    engine.getTaskService().complete(round1.get(1).getId(), TestVariables.votes(
        TestVariables.vote(1, true, "Muy bien"), TestVariables.vote(2, false, "Falta un indicador de género")));
    engine.getTaskService().complete(round1.get(2).getId(), TestVariables.approveEach());

    // Commitment 1 carried (all three approved it); commitment 2 goes back, with who returned it and why.
    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    Assertions.assertThat(commitments.carriedRounds(exercise.getId())).containsExactly(Map.entry(1, 1));
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isFalse();
    String consolidation = driver.task(exercise, WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS).getId();
    String outcome = engine.getTaskService().getVariable(consolidation, "approvalOutcome").toString();
    Assertions.assertThat(outcome).contains("\"hasReturned\":true", "\"title\":\"2. Obra pública vigilada\"",
        "\"tallyText\":\"2 de 3 titulares lo aprobaron\"", "\"sectorText\":\"Sociedad civil\"",
        "\"comments\":\"Falta un indicador de género\"", "aprobado por el STL en la votación 1");
    Assertions.assertThat((String) engine.getRuntimeService().getVariable(tables.getId(), "approvalComments"))
        .contains("Compromiso 2 (devuelto), lo devuelve", "Falta un indicador de género")
        .contains("Compromiso 1 (aprobado), a favor", "Muy bien");

    // The approved commitment is kept as approved: a consolidation that changes it is refused, naming it.
    assertRefused(() -> engine.getTaskService().complete(consolidation, commitments(
        TestVariables.COMMITMENTS.replace("Presupuesto abierto", "Otro título"))),
        "commitments[1]", "el compromiso 1 «");
    assertRefused(() -> engine.getTaskService().complete(consolidation, commitments(
        "[" + TestVariables.COMMITMENTS.substring(TestVariables.COMMITMENTS.indexOf("{\"title\":\"Obra")))),
        "commitments[1]", "no puede cambiar");
    driver.complete(exercise, "consolidate-commitments", commitments(
        TestVariables.COMMITMENTS.replace("Obra pública vigilada", "Obra pública vigilada con perspectiva de género")));

    // The next vote is on commitment 2 alone.
    List<Task> round2 = byAssignee(driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS));
    String rows = engine.getTaskService().getVariable(round2.get(0).getId(), "votes").toString();
    Assertions.assertThat(rows).contains("\"position\":2").doesNotContain("\"position\":1");
    Assertions.assertThat(engine.getTaskService().getVariable(round2.get(0).getId(), "commitmentsSummary").toString())
        .contains("Aprobado por el STL en la votación 1 (no se vota de nuevo)", "\"inVote\":true");
    assertRefused(() -> engine.getTaskService().complete(round2.get(0).getId(), TestVariables.votes(
        TestVariables.vote(1, false, "Cambié de opinión"), TestVariables.vote(2, true, ""))),
        "votes[1].position", "el STL ya lo aprobó en la ronda 1");
    // A client of the first contract: approved alone approves every commitment of the vote (here, 2).
    engine.getTaskService().complete(round2.get(0).getId(), TestVariables.approve(true, ""));
    engine.getTaskService().complete(round2.get(1).getId(), TestVariables.votes(TestVariables.vote(2, true, "Ahora sí")));
    engine.getTaskService().complete(round2.get(2).getId(), TestVariables.votes(TestVariables.vote(2, true, null)));

    assertThat(tables).hasPassed(WorkingTablesProcess.TASK_RECORD_PLAN).isEnded();
    Assertions.assertThat(commitments.isApproved(exercise.getId())).isTrue();
    List<Commitment> plan = commitments.findByExercise(exercise.getId());
    Assertions.assertThat(plan).extracting(Commitment::title)
        .containsExactly("Presupuesto abierto", "Obra pública vigilada con perspectiva de género");
    // Every vote is in the plan of record, per commitment, and public (name and sector, never the account).
    var history = views.of(exercise.getId());
    Assertions.assertThat(history.get(0).approvalHistory()).hasSize(3)
        .allSatisfy(v -> Assertions.assertThat(v.round()).isEqualTo(1));
    Assertions.assertThat(history.get(1).approvalHistory()).hasSize(6)
        .filteredOn(v -> !v.approved()).singleElement()
        .satisfies(v -> {
          Assertions.assertThat(v.comments()).isEqualTo("Falta un indicador de género");
          Assertions.assertThat(v.sector()).isEqualTo("society");
          Assertions.assertThat(v.name()).doesNotContain("@");
        });
  }

  @Test
  void threeLongCommentsDoNotStopTheVoteAndStayWholeInTheOutcome() {
    var exercise = atConsolidation("zac", "consensus");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    String longComment = "Falta un indicador de género. ".repeat(130).trim(); // 3,899 characters, under the field's 4,000
    for (Task vote : byAssignee(driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS))) {
      engine.getTaskService().complete(vote.getId(), TestVariables.votes(
          TestVariables.vote(1, true, ""), TestVariables.vote(2, false, longComment)));
    }

    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    String comments = (String) engine.getRuntimeService().getVariable(tables.getId(), "approvalComments");
    Assertions.assertThat(comments).hasSizeLessThanOrEqualTo(4000)
        .startsWith("Compromiso 2 (devuelto), lo devuelve").endsWith("(más comentarios en el resultado de la votación)");
    String consolidation = driver.task(exercise, WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS).getId();
    Assertions.assertThat(engine.getTaskService().getVariable(consolidation, "approvalOutcome").toString())
        .as("every comment whole in the outcome the facilitator reads").contains(longComment);
  }

  @Test
  void underMajorityEachCommitmentCarriesOnItsOwnVotes() {
    var exercise = atConsolidation("cam", "majority");
    var tables = driver.step(exercise, WorkingTablesProcess.KEY);
    List<Task> round1 = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    // Commitment 1: one of three approves (returned). Commitment 2: two of three (carries).
    engine.getTaskService().complete(round1.get(0).getId(), TestVariables.votes(
        TestVariables.vote(1, false, "No es ambicioso"), TestVariables.vote(2, true, "")));
    engine.getTaskService().complete(round1.get(1).getId(), TestVariables.votes(
        TestVariables.vote(1, false, "Falta presupuesto"), TestVariables.vote(2, false, "Sin metas claras")));
    engine.getTaskService().complete(round1.get(2).getId(), TestVariables.approveEach());
    assertThat(tables).isWaitingAt(WorkingTablesProcess.TASK_CONSOLIDATE_COMMITMENTS);
    Assertions.assertThat(commitments.carriedRounds(exercise.getId())).containsExactly(Map.entry(2, 1));

    // Commitment 2 stays as approved even if the consolidation sends it unchanged; only 1 is voted again.
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    List<Task> round2 = driver.tasks(exercise, WorkingTablesProcess.TASK_APPROVE_COMMITMENTS);
    // approved must agree with the votes when both are sent.
    assertRefused(() -> engine.getTaskService().complete(round2.get(0).getId(),
        TestVariables.votes(TestVariables.vote(1, false, "Sigue sin presupuesto")).putValue("approved", true)),
        "approved", "devuelven el compromiso 1");
    engine.getTaskService().complete(round2.get(0).getId(), TestVariables.votes(TestVariables.vote(1, true, "")));
    engine.getTaskService().complete(round2.get(1).getId(), TestVariables.approve(false, "Sigo en contra"));
    engine.getTaskService().complete(round2.get(2).getId(),
        TestVariables.votes(TestVariables.vote(1, true, "")).putValue("approved", true));
    assertThat(tables).hasPassed(WorkingTablesProcess.TASK_RECORD_PLAN).isEnded();
    Assertions.assertThat(commitments.carriedRounds(exercise.getId())).containsExactly(Map.entry(1, 2), Map.entry(2, 1));
    assertThat(exercise).isWaitingAt("step-5");
  }

  @Test
  void perCommitmentVotesAreChecked() {
    var exercise = atConsolidation("jal", "consensus");
    String vote = driver.tasks(exercise, "approve-commitments").get(0).getId();
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(7, true, ""))), "votes[2].position", "«7» no es un compromiso consolidado (1 a 2)");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(1, false, "No"))), "votes[2].position", "aparece más de una vez");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes(TestVariables.vote(1, true, ""))),
        "votes", "falta el voto de el compromiso 2");
    var missingComment = refused(() -> engine.getTaskService().complete(vote, TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(2, false, " "))));
    Assertions.assertThat(missingComment.getViolations()).singleElement().satisfies(v -> {
      Assertions.assertThat(v.field()).isEqualTo("votes[2].comments");
      Assertions.assertThat(v.message()).contains("obligatorio cuando se devuelve el compromiso");
    });
    // The person reads the field by its label in the form.
    Assertions.assertThat(missingComment.getMessage()).contains("Su voto por compromiso, fila 2, Comentario: es obligatorio");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes(
        "{\"position\":1}", TestVariables.vote(2, true, ""))), "votes[1].approved", "es obligatorio");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes(
        TestVariables.vote(1, true, ""), TestVariables.vote(2, true, "")).putValue("approved", false)),
        "approved", "sus votos los aprueban todos");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.votes()), "votes", "al menos 1");
    Assertions.assertThat(driver.tasks(exercise, "approve-commitments")).hasSize(3);
    // The form of a task opened before per-commitment votes has no rows: it sends an empty list and approved.
    engine.getTaskService().complete(vote, TestVariables.votes().putValue("approved", true));
    Assertions.assertThat(driver.tasks(exercise, "approve-commitments")).hasSize(2);
  }

  @Test
  void commitmentsMustHaveActivitiesWithProductIndicatorTargetAndDueDateAndValidOds() {
    var exercise = atWorkingTables("oax", "consensus");
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    String taskId = driver.task(exercise, "consolidate-commitments").getId();

    assertRefused(() -> engine.getTaskService().complete(taskId, commitments("[]")), "commitments", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(taskId, commitments(
        "[{\"title\":\"Sin actividades\",\"sdgs\":[16],\"activities\":[]}]")),
        "commitments[1].activities", "al menos una actividad");
    assertRefused(() -> engine.getTaskService().complete(taskId, commitments(
        "[{\"title\":\"ODS\",\"sdgs\":[18],\"activities\":[{\"product\":\"P\",\"indicator\":\"I\",\"target\":\"1\",\"dueDate\":\"2032-01-01\"}]}]")),
        "commitments[1].sdgs", "los ODS van del 1 al 17");
    assertRefused(() -> engine.getTaskService().complete(taskId, commitments(
        "[{\"title\":\"Incompleto\",\"sdgs\":[1],\"activities\":[{\"product\":\"P\",\"target\":\"1\",\"dueDate\":\"2032-01-01\"}]}]")),
        "commitments[1].activities[1].indicator", "obligatorio");
    assertRefused(() -> engine.getTaskService().complete(taskId, commitments(
        "[{\"title\":\"Fecha\",\"sdgs\":[1],\"activities\":[{\"product\":\"P\",\"indicator\":\"I\",\"target\":\"1\",\"dueDate\":\"pronto\"}]}]")),
        "commitments[1].activities[1].dueDate", "no es una fecha válida");
    assertRefused(() -> engine.getTaskService().complete(taskId, commitments(
        "[{\"sdgs\":[1],\"criteria\":{\"ambicioso\":true},\"activities\":[{\"product\":\"P\",\"indicator\":\"I\",\"target\":\"1\",\"dueDate\":\"2032-01-01\"}]}]")),
        "commitments[1].title", "obligatorio");
    Assertions.assertThat(commitments.findByExercise(exercise.getId())).isEmpty();
  }

  @Test
  void planTablesAndApprovalAreChecked() {
    var exercise = atWorkingTables("jal", "consensus");
    String plan = driver.task(exercise, "plan-working-tables").getId();
    assertRefused(() -> engine.getTaskService().complete(plan,
        Variables.createVariables().putValueTyped("workingTables", json("[]"))), "workingTables", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(plan,
        Variables.createVariables().putValueTyped("workingTables", json("[{\"topic\":\"\",\"date\":\"2031-03-10\"}]"))),
        "workingTables[1].topic", "obligatorio");
    // The STL of ExerciseDriver met on 1 February 2031: no table before it.
    assertRefused(() -> engine.getTaskService().complete(plan,
        Variables.createVariables().putValueTyped("workingTables", json("[{\"topic\":\"Agua\",\"date\":\"2031-01-31\"}]"))),
        "workingTables[1].date", "no puede ser anterior a la reunión de instalación del STL (1 de febrero de 2031)");

    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    String table = driver.task(exercise, "hold-working-table").getId();
    assertRefused(() -> engine.getTaskService().complete(table, TestVariables.holdWorkingTable()
        .putValueTyped("problems", json("[]"))), "problems", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(table, TestVariables.holdWorkingTable()
        .putValueTyped("participants", json("[{\"name\":\"Ana\",\"sector\":\"academia\"}]"))),
        "participants[1].sector", "valores permitidos");
    // A participatory table: civil society and the authority, whoever else comes.
    assertRefused(() -> engine.getTaskService().complete(table, TestVariables.holdWorkingTable()
        .putValueTyped("participants", json("[{\"name\":\"Ana\",\"sector\":\"society\"},{\"name\":\"Beto\",\"sector\":\"society\"}]"))),
        "participants", "falta: Autoridad");
    assertRefused(() -> engine.getTaskService().complete(table, TestVariables.holdWorkingTable()
        .putValueTyped("participants", json("[{\"name\":\"Ana\",\"sector\":\"guarantor\"},{\"name\":\"Beto\",\"sector\":\"government\"}]"))),
        "participants", "falta: Sociedad civil");
    assertRefused(() -> engine.getTaskService().complete(table, TestVariables.holdWorkingTable()
        .putValueTyped("participants", json("[{\"name\":\"Ana\",\"sector\":\"guarantor\"}]"))),
        "participants", "falta: Sociedad civil y Autoridad");

    driver.complete(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    String vote = driver.tasks(exercise, "approve-commitments").get(0).getId();
    assertRefused(() -> engine.getTaskService().complete(vote, Variables.createVariables().putValue("comments", "")),
        "approved", "obligatorio");
    assertRefused(() -> engine.getTaskService().complete(vote, TestVariables.approve(false, " ")),
        "comments", "obligatorio cuando no se aprueban");
  }

  private ProcessInstance atWorkingTables(String tenant, String decisionRule) {
    var exercise = driver.startAtStep(tenant, 3);
    driver.integrateStl(exercise, decisionRule);
    return exercise;
  }

  private ProcessInstance atConsolidation(String tenant, String decisionRule) {
    var exercise = atWorkingTables(tenant, decisionRule);
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua"));
    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    return exercise;
  }

  /** The approval tasks in seat order (guarantor, society, government: ExerciseDriver's titulars). */
  private static List<Task> byAssignee(List<Task> tasks) {
    List<String> order = List.of("guarantor", "society", "government");
    return tasks.stream().sorted(java.util.Comparator.comparingInt(t -> order.indexOf(t.getAssignee().split("\\.")[1])))
        .toList();
  }

  private static org.camunda.bpm.engine.variable.VariableMap commitments(String json) {
    return Variables.createVariables().putValueTyped("commitments", json(json));
  }
}
