package mx.cocreacion.followup;

import static mx.cocreacion.support.Refusals.assertRefused;
import static mx.cocreacion.support.TestVariables.json;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.CommitmentVersion;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A commitment's implementation with amendments: a progress report proposes a change with its reason, each
 * titular votes it, the STL's rule decides; an approved change is a new version of the commitment (the earlier
 * ones kept with their date and reason), a rejected one changes nothing and stays on the record.
 */
class CommitmentImplementationProcessTest extends ProcessTestSupport {

  private static final String STATUSES = "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]";

  @Autowired CommitmentViews views;
  @Autowired CommitmentRepository commitments;
  @Autowired ImplementationRepository implementation;
  @LocalServerPort int port;

  private ProcessInstance exercise;
  private ProcessInstance first;

  @BeforeEach
  void launchedPal() {
    // The PAL of ExerciseDriver.launchPal: 2032-02-01 to 2033-02-01, STL rule consensus, three titulars.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    exercise = driver.startAtStep("oax", 6);
    first = driver.implementation(exercise, 1);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-20T16:00:00Z")));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anApprovedAmendmentIsANewVersionAndTheFirstIsKept() {
    report(progress().putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "2")
        .putValue("newDueDate", "2032-11-30").putValue("amendmentReason", "El taller depende del presupuesto de octubre"));

    assertThat(first).hasPassed(CommitmentImplementationProcess.TASK_UPDATE_PROGRESS)
        .isWaitingAt(CommitmentImplementationProcess.TASK_VOTE_AMENDMENT);
    List<Task> votes = votes();
    Assertions.assertThat(votes).hasSize(3).allSatisfy(t -> {
      Assertions.assertThat(t.getAssignee()).as("each titular votes her own seat").isNotNull();
      Assertions.assertThat(t.getName()).isEqualTo("Votar modificación del compromiso: 1. Presupuesto abierto");
    });
    Assertions.assertThat(engine.getTaskService().getVariable(votes.get(0).getId(), "amendmentSummary").toString())
        .contains("Mover la fecha compromiso de la actividad 2 «Capacitación» del 30 de septiembre de 2032 al 30 de noviembre de 2032")
        .contains("El taller depende del presupuesto de octubre");
    // The report itself is on the record at once; the change waits for the vote.
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).hasSize(1);
    Assertions.assertThat(activity(2).dueDate()).isEqualTo(LocalDate.parse("2032-09-30"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-24T16:00:00Z")));
    votes.forEach(t -> engine.getTaskService().complete(t.getId(), vote(true, null)));

    assertThat(first).hasPassed(CommitmentImplementationProcess.TASK_TALLY_AMENDMENT,
        CommitmentImplementationProcess.TASK_APPLY_AMENDMENT).isWaitingAt(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    Assertions.assertThat(activity(2).dueDate()).isEqualTo(LocalDate.parse("2032-11-30"));
    CommitmentView view = views.of(exercise.getId(), 1).orElseThrow();
    Assertions.assertThat(view.versions()).extracting(CommitmentVersion::version).containsExactly(1, 2);
    CommitmentVersion original = view.versions().get(0);
    Assertions.assertThat(original.reason()).isNull();
    Assertions.assertThat(original.activities().get(1).dueDate()).isEqualTo(LocalDate.parse("2032-09-30"));
    CommitmentVersion amended = view.versions().get(1);
    Assertions.assertThat(amended.validFrom()).isEqualTo(LocalDate.parse("2032-02-24"));
    Assertions.assertThat(amended.reason()).isEqualTo("El taller depende del presupuesto de octubre");
    Assertions.assertThat(amended.change()).startsWith("Mover la fecha compromiso de la actividad 2");
    Assertions.assertThat(amended.activities().get(1).dueDate()).isEqualTo(LocalDate.parse("2032-11-30"));
    Assertions.assertThat(view.amendments()).singleElement().satisfies(a -> {
      Assertions.assertThat(a.status()).isEqualTo(Amendment.APPROVED);
      Assertions.assertThat(a.votesFor()).isEqualTo(3);
      Assertions.assertThat(a.version()).isEqualTo(2);
      Assertions.assertThat(a.proposedOn()).isEqualTo(LocalDate.parse("2032-02-20"));
    });
    Assertions.assertThat(view.progress()).as("one of two activities done, as before").isEqualTo(50);
  }

  @Test
  void aRejectedAmendmentChangesNothingAndStaysOnTheRecord() {
    report(progress().putValue("amendmentKind", "add-activity").putValue("newActivityTitle", "Hackatón")
        .putValue("newActivityProduct", "Aplicaciones cívicas").putValue("newActivityIndicator", "Aplicaciones publicadas")
        .putValue("newActivityTarget", "5")
        .putValue("newActivityDueDate", "2032-10-15").putValue("amendmentReason", "Usar los datos publicados"));
    List<Task> votes = votes();
    engine.getTaskService().complete(votes.get(0).getId(), vote(true, null));
    assertRefused(() -> engine.getTaskService().complete(votes.get(1).getId(), vote(false, null)),
        "comments", "es obligatorio al votar en contra");
    engine.getTaskService().complete(votes.get(1).getId(), vote(false, "No hay presupuesto para un hackatón"));
    engine.getTaskService().complete(votes.get(2).getId(), vote(true, null));

    assertThat(first).hasPassed(CommitmentImplementationProcess.TASK_TALLY_AMENDMENT)
        .hasNotPassed(CommitmentImplementationProcess.TASK_APPLY_AMENDMENT)
        .isWaitingAt(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    CommitmentView view = views.of(exercise.getId(), 1).orElseThrow();
    Assertions.assertThat(view.activities()).as("consensus: one titular against is enough").hasSize(2);
    Assertions.assertThat(view.versions()).isEmpty();
    Assertions.assertThat(view.amendments()).singleElement().satisfies(a -> {
      Assertions.assertThat(a.status()).isEqualTo(Amendment.REJECTED);
      Assertions.assertThat(a.statusText()).isEqualTo("Rechazada");
      Assertions.assertThat(a.votesFor()).isEqualTo(2);
      Assertions.assertThat(a.votesAgainst()).isEqualTo(1);
      Assertions.assertThat(a.change()).isEqualTo("Agregar la actividad 3 «Hackatón» (producto: Aplicaciones cívicas; "
          + "indicador: Aplicaciones publicadas; meta: 5; fecha compromiso: 15 de octubre de 2032)");
    });
  }

  @Test
  void anAddedActivityKeepsACommitmentWhoseActivitiesAllConcludedInImplementation() {
    report(Variables.createVariables().putValueTyped("activityProgress",
            json("[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"done\"}]"))
        .putValue("amendmentKind", "add-activity").putValue("newActivityTitle", "Segunda etapa")
        .putValue("newActivityProduct", "Portal municipal").putValue("newActivityIndicator", "Municipios publicados")
        .putValue("newActivityBaseline", "0").putValue("newActivityTarget", "570")
        .putValue("newActivityDueDate", "2032-12-15").putValue("amendmentReason", "Extender el portal a los municipios"));
    votes().forEach(t -> engine.getTaskService().complete(t.getId(), vote(true, null)));

    assertThat(first).hasPassed(CommitmentImplementationProcess.TASK_APPLY_AMENDMENT)
        .hasNotPassed(CommitmentImplementationProcess.END_COMMITMENT_FULFILLED)
        .isWaitingAt(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    Assertions.assertThat(activity(3).status()).isEqualTo("not-started");
    Assertions.assertThat(implementation.progress(exercise.getId(), 1)).isEqualTo(0.6667);
  }

  @Test
  void aProposalIsCheckedAndABadOneChangesNothing() {
    assertRefused(() -> report(progress().putValue("newDueDate", "2032-11-30")),
        "newDueDate", "solo se envía al proponer una modificación");
    assertRefused(() -> report(progress().putValue("amendmentKind", "rename")),
        "amendmentKind", "no es válido");
    assertRefused(() -> report(progress().putValue("amendmentKind", "move-due-date").putValue("newDueDate", "2032-11-30")),
        "amendmentReason", "es obligatorio");
    assertRefused(() -> report(progress().putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "7")
            .putValue("newDueDate", "2032-11-30").putValue("amendmentReason", "x")),
        "amendedActivity", "no es una actividad de este compromiso (1 a 2)");
    assertRefused(() -> report(progress().putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "2")
            .putValue("newDueDate", "2033-03-01").putValue("amendmentReason", "x")),
        "newDueDate", "no puede ser posterior al fin de la vigencia del PAL (1 de febrero de 2033)");
    assertRefused(() -> report(progress().putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "2")
            .putValue("newDueDate", "2032-01-01").putValue("amendmentReason", "x")),
        "newDueDate", "no puede ser anterior a hoy");
    assertRefused(() -> report(progress().putValue("amendmentKind", "correct-indicator").putValue("amendedActivity", 2)
            .putValue("newIndicator", "Personas capacitadas").putValue("amendmentReason", "x")),
        "newIndicator", "es el indicador que ya tiene la actividad 2");
    assertRefused(() -> report(progress().putValue("amendmentKind", "correct-indicator").putValue("amendedActivity", "2")
            .putValue("newIndicator", "Mujeres capacitadas").putValue("newDueDate", "2032-11-30")
            .putValue("amendmentReason", "x")),
        "newDueDate", "no corresponde a «Corregir el indicador de una actividad»");
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).as("nothing recorded").isEmpty();
    assertThat(first).isWaitingAt(CommitmentImplementationProcess.TASK_REPORT_PROGRESS);

    // An activity concluded is not moved: it is done in this very report.
    assertRefused(() -> report(Variables.createVariables().putValueTyped("activityProgress", json(STATUSES))
            .putValue("amendmentKind", "move-due-date").putValue("amendedActivity", "1")
            .putValue("newDueDate", "2032-11-30").putValue("amendmentReason", "x")),
        "amendedActivity", "ya concluyó");
  }

  /**
   * The seed's dashboard measures the current state against specific indicators: each report may give the value
   * each activity's indicator reached; the latest one is public, beside the baseline and the target.
   */
  @Test
  void eachReportMeasuresTheIndicatorsAndTheLatestValueIsPublic() {
    String reportTask = engine.getTaskService().createTaskQuery().processInstanceId(first.getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult().getId();
    Assertions.assertThat(engine.getTaskService().getVariable(reportTask, "activityProgress").toString())
        .as("the form shows what each indicator measures and asks for its value")
        .contains("\"indicatorText\":\"Conjuntos publicados · línea base: 0 · meta: 12\"", "\"value\":\"\"");
    assertRefused(() -> report(Variables.createVariables().putValueTyped("activityProgress", json(
        "[{\"activity\":1,\"status\":\"in-progress\",\"value\":\"" + "9".repeat(1001) + "\"}]"))),
        "activityProgress[1].value", "a lo más 1000 caracteres");

    report(Variables.createVariables().putValueTyped("activityProgress", json(
        "[{\"activity\":1,\"status\":\"in-progress\",\"value\":\"4\"},{\"activity\":2,\"status\":\"not-started\",\"value\":\" \"}]")));
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-20T16:00:01Z")));
    execute(job(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE, first));
    report(Variables.createVariables().putValueTyped("activityProgress", json(
        "[{\"activity\":1,\"status\":\"in-progress\",\"value\":\"9\"},{\"activity\":2,\"status\":\"in-progress\",\"value\":\"20 %\"}]")));

    CommitmentView commitment = views.of(exercise.getId(), 1).orElseThrow();
    Assertions.assertThat(commitment.reports().get(0).values()).extracting(CommitmentView.Measure::activity,
        CommitmentView.Measure::value).containsExactly(Assertions.tuple(1, "4"));
    Assertions.assertThat(commitment.latestValue(1)).isEqualTo(
        new CommitmentView.Measure(1, "9", LocalDate.of(2032, 3, 20), 2));
    Assertions.assertThat(commitment.latestValue(2).value()).isEqualTo("20 %");

    String year = exercise.getBusinessKey().substring(exercise.getBusinessKey().indexOf('-') + 1);
    Http http = new Http(port);
    JsonNode open = http.get("/api/public/exercises/oax/commitments?year=" + year).json().path("commitments").get(0);
    Assertions.assertThat(open.path("indicatorValues").get(0).path("value").asText()).isEqualTo("9");
    Assertions.assertThat(open.path("indicatorValues").get(0).path("reportedOn").asText()).isEqualTo("2032-03-20");
    Assertions.assertThat(open.path("reports").get(0).path("values").get(0).path("value").asText()).isEqualTo("4");
    String page = http.get("/micrositio/oax/" + year).body();
    Assertions.assertThat(page).contains("<th scope=\"col\">Valor alcanzado</th>", "<strong>9</strong>",
        "<strong>20 %</strong>", "20/03/2032");
  }

  /**
   * What the report's form shows (the commitment, its activities' rows, the activities an amendment may name) is
   * computed from the plan of record when the task is read, over the Java API and engine REST alike, and never
   * stored: no variable, no history. The rows the form sends back stay on the task.
   */
  @Test
  void theReportShowsThePlanWhenReadAndStoresOnlyWhatWasSent() {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(first.getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult().getId();
    Assertions.assertThat(engine.getFormService().getTaskFormVariables(taskId).keySet())
        .contains("commitmentSummary", "activityProgress", "amendmentActivities");
    Assertions.assertThat(engine.getFormService().getTaskFormVariables(taskId, List.of("activityProgress"), true)
        .keySet()).containsExactly("activityProgress");
    Assertions.assertThat(engine.getTaskService().getVariable(taskId, "commitmentSummary").toString())
        .contains("Presupuesto abierto");
    Assertions.assertThat(engine.getTaskService().getVariablesLocal(taskId)).as("never the task's own").isEmpty();
    Assertions.assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .variableNameIn("commitmentSummary", "activityProgress", "amendmentActivities").count()).isZero();

    String member = "titular.guarantor." + driver.tag(exercise) + "@stl.mx";
    Http http = new Http(port);
    // As Tasklist reads a form's variables: serialized (Camunda answers deserialized Json as Spin's bean).
    JsonNode form = http.get(member, "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false").json();
    Assertions.assertThat(form.path("commitmentSummary").path("type").asText()).isEqualTo("Json");
    Assertions.assertThat(form.path("commitmentSummary").path("value").asText()).contains("Presupuesto abierto");
    Assertions.assertThat(form.path("activityProgress").path("value").asText()).contains("\"activity\":1");
    JsonNode one = http.get(member, "/engine-rest/task/" + taskId + "/variables/amendmentActivities?deserializeValue=false")
        .json();
    Assertions.assertThat(one.path("type").asText()).isEqualTo("Json");
    Assertions.assertThat(one.path("value").asText()).startsWith("[");
    Assertions.assertThat(http.get("titular.guarantor.otro@stl.mx", "/engine-rest/task/" + taskId + "/form-variables")
        .status()).as("a stranger reads nothing").isIn(401, 403, 404);

    report(progress());
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableNameIn("commitmentSummary", "amendmentActivities").processInstanceId(first.getId()).count())
        .as("what was shown is not history").isZero();
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("activityProgress").processInstanceId(first.getId()).singleResult().getTaskId())
        .as("the rows sent back stay with the task").isEqualTo(taskId);
  }

  private Commitment.Activity activity(int position) {
    return commitments.findByExercise(exercise.getId()).get(0).activities().stream()
        .filter(a -> a.position() == position).findFirst().orElseThrow();
  }

  private List<Task> votes() {
    return engine.getTaskService().createTaskQuery().processInstanceId(first.getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_VOTE_AMENDMENT).orderByTaskAssignee().asc().list();
  }

  private void report(VariableMap variables) {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(first.getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult().getId();
    engine.getTaskService().complete(taskId, variables);
  }

  private static VariableMap progress() {
    return Variables.createVariables().putValueTyped("activityProgress", json(STATUSES));
  }

  private static VariableMap vote(boolean approved, String comments) {
    VariableMap vote = Variables.createVariables().putValue("approved", approved);
    return comments == null ? vote : vote.putValue("comments", comments);
  }
}
