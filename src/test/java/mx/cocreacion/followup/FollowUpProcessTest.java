package mx.cocreacion.followup;

import static mx.cocreacion.support.Refusals.assertRefused;
import static mx.cocreacion.support.TestVariables.json;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.evidence.EvidenceRepository;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.plan.Assessment;
import mx.cocreacion.plan.AssessmentRepository;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.ProgressReport;
import mx.cocreacion.support.ProcessTestSupport;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step 6 through a whole PAL with the engine clock: monthly progress reports on each commitment,
 * INAI's monitoring exactly six months after the recorded launch, the evaluation when the PAL
 * ends, which ends every open implementation, and the starred commitments.
 */
class FollowUpProcessTest extends ProcessTestSupport {

  /** The PAL of ExerciseDriver.launchPal: 2032-02-01 to 2033-02-01, launched 2032-02-01 (Mexico City). */
  static final Instant LAUNCH = Instant.parse("2032-02-01T06:00:00Z");
  static final Instant SIX_MONTHS = Instant.parse("2032-08-01T06:00:00Z");
  static final Instant PAL_END = Instant.parse("2033-02-01T06:00:00Z");

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ImplementationRepository implementation;
  @Autowired AssessmentRepository assessments;
  @Autowired ExerciseRepository exercises;
  @Autowired EvidenceCatalogue catalogue;
  @Autowired EvidenceRepository evidence;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWholeYearOfReportsThenMonitoringThenEvaluation() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance exercise = driver.startAtStep("oax", 6);
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    assertThat(followUp).isWaitingAt(FollowUpProcess.CALL_IMPLEMENT_COMMITMENTS,
        FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH, FollowUpProcess.EVENT_PAL_ENDED);
    List<ProcessInstance> implementations = implementations(exercise);
    Assertions.assertThat(implementations).hasSize(2)
        .allSatisfy(pi -> Assertions.assertThat(pi.getTenantId()).isEqualTo("oax"));
    Assertions.assertThat(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH).getDuedate().toInstant())
        .isEqualTo(SIX_MONTHS);
    Assertions.assertThat(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED).getDuedate().toInstant()).isEqualTo(PAL_END);

    // The first report is asked right after the launch, for each commitment.
    Assertions.assertThat(driver.tasks(exercise, "report-progress")).as("each names its commitment")
        .extracting(Task::getName).containsExactlyInAnyOrder(
            "Informar avance del compromiso: 1. Presupuesto abierto", "Informar avance del compromiso: 2. Obra pública vigilada");
    String oaxacaAndYear = "Oaxaca " + exercises.findById(exercise.getId()).orElseThrow().year();
    ProcessInstance first = driver.implementation(exercise, 1);
    ProcessInstance second = driver.implementation(exercise, 2);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-02-20T16:00:00Z")));
    reportOn(first, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        "https://transparencia.oaxaca.gob.mx/presupuesto");
    assertThat(first).hasPassed(CommitmentImplementationProcess.TASK_UPDATE_PROGRESS)
        .isWaitingAt(CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    Assertions.assertThat(implementation.progress(exercise.getId(), 1)).isEqualTo(0.5);
    Job nextReport = timer(first, CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE);
    Assertions.assertThat(nextReport.getDuedate().toInstant()).isEqualTo(Instant.parse("2032-03-20T16:00:00Z"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-20T16:00:01Z")));
    execute(nextReport);
    assertThat(first).isWaitingAt(CommitmentImplementationProcess.TASK_REPORT_PROGRESS);
    reportOn(first, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"done\"}]", null);
    assertThat(first).hasPassed(CommitmentImplementationProcess.END_COMMITMENT_FULFILLED).isEnded();
    List<ProgressReport> timeline = implementation.reports(exercise.getId(), 1);
    Assertions.assertThat(timeline).extracting(ProgressReport::number).containsExactly(1, 2);
    Assertions.assertThat(timeline).extracting(ProgressReport::progress).containsExactly(0.5, 1.0);
    Assertions.assertThat(timeline.get(0).evidenceUrl()).isEqualTo("https://transparencia.oaxaca.gob.mx/presupuesto");
    Assertions.assertThat(timeline.get(1).reportedAt()).isEqualTo(Instant.parse("2032-03-20T16:00:01Z"));
    Assertions.assertThat(implementation.palProgress(exercise.getId())).isEqualTo(0.5);

    // Six months after the launch, INAI monitors.
    ClockUtil.setCurrentTime(Date.from(SIX_MONTHS));
    execute(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH));
    assertThat(followUp).isWaitingAt(FollowUpProcess.TASK_MONITOR_COMMITMENTS);
    var monitorTask = driver.task(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS);
    Assertions.assertThat(candidateGroups(monitorTask.getId())).containsExactly("inai");
    Assertions.assertThat(monitorTask.getName()).isEqualTo("Monitorear compromisos: " + oaxacaAndYear);
    Assertions.assertThat(engine.getTaskService().getVariable(monitorTask.getId(), "followUpSummary").toString())
        .contains("Presupuesto abierto").contains("\"palProgress\":50");
    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative","notes":"Ambicioso"},
             {"commitment":2,"verifiable":true,"relevant":false,"potentialImpact":"moderate","notes":""}]""")));
    assertThat(followUp).hasPassed(FollowUpProcess.TASK_RECORD_MONITORING);
    Assertions.assertThat(exercises.findById(exercise.getId())).isPresent();

    // The second commitment keeps reporting until the PAL ends.
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(second.getId()).count()).isOne();

    ClockUtil.setCurrentTime(Date.from(PAL_END));
    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    var evaluationTask = driver.task(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE);
    Assertions.assertThat(evaluationTask.getName()).isEqualTo("Evaluar desempeño del PAL: " + oaxacaAndYear);
    Assertions.assertThat(engine.getTaskService().getVariable(evaluationTask.getId(), "evaluation").toString())
        .contains("transformador");
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE, Variables.createVariables()
        .putValueTyped("evaluation", json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major","notes":""},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal","notes":""}]""")));

    assertThat(followUp).hasPassed(FollowUpProcess.TASK_RECORD_EVALUATION, FollowUpProcess.END_EXERCISE_EVALUATED).isEnded();
    assertThat(second).isEnded();
    assertThat(exercise).isEnded();
    Assertions.assertThat(assessments.assessments(exercise.getId()))
        .extracting(Assessment::starred).containsExactly(true, false);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().endedAt()).isNotNull();
  }

  @Test
  void theMonitoringDateComesFromTheRecordedLaunchNotFromWhenTheTaskWasDone() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-04-10T18:30:00Z")));
    ProcessInstance exercise = driver.startAtStep("jal", 6);
    Job monitoring = timer(driver.step(exercise, FollowUpProcess.KEY), FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH);
    Assertions.assertThat(monitoring.getDuedate().toInstant()).isEqualTo(SIX_MONTHS);
  }

  @Test
  void progressReportsAreChecked() {
    ProcessInstance exercise = driver.startAtStep("cam", 6);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(driver.implementation(exercise, 1).getId())
        .singleResult().getId();
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"terminada\"}]")),
        "activityProgress[1].status", "valores permitidos: not-started, in-progress, done");
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":3,\"status\":\"done\"}]")),
        "activityProgress[1].activity", "no es una actividad de este compromiso (1 a 2)");
    assertRefused(() -> engine.getTaskService().complete(taskId,
        progress("[{\"activity\":1,\"status\":\"done\"},{\"activity\":1,\"status\":\"in-progress\"}]")),
        "activityProgress[2].activity", "más de una vez");
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[]")), "activityProgress", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"done\"}]")
        .putValue("evidenceUrl", "javascript:alert(1)")), "evidenceUrl", "no es un enlace web válido");
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"done\"}]")
        .putValueTyped("evidence", Variables.fileValue("informe.pdf").file("no soy un PDF".getBytes()).create())),
        "evidence", "no es PDF, PNG, JPEG");
    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"done\"}]")
        .putValueTyped("evidence", Variables.fileValue("enorme.pdf")
            .file(withPdfHeader(10 * 1024 * 1024 + 1)).create())), "evidence", "más de 10 MB");
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).isEmpty();

    assertRefused(() -> engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"done\"}]")
        .putValue("narrative", "x".repeat(4001))), "narrative", "4000");
    engine.getTaskService().complete(taskId, progress("[{\"activity\":1,\"status\":\"done\"}]")
        .putValue("narrative", "Se publicó el portal; falta la capacitación.")
        .putValueTyped("evidence", Variables.fileValue("minuta.pdf").file(withPdfHeader(2048)).create()));
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).singleElement().satisfies(r -> {
      Assertions.assertThat(r.evidenceName()).isEqualTo("minuta.pdf");
      Assertions.assertThat(r.narrative()).isEqualTo("Se publicó el portal; falta la capacitación.");
    });
  }

  /** A report carries the day it reports on: not after today, not before the launch nor the previous report. */
  @Test
  void eachReportIsDatedInOrder() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-03-15T18:00:00Z")));
    ProcessInstance exercise = driver.startAtStep("nay", 6);
    String first = reportTask(exercise, 1);
    String statuses = "[{\"activity\":1,\"status\":\"in-progress\"}]";
    assertRefused(() -> engine.getTaskService().complete(first, progress(statuses).putValue("reportedOn", "2032-03-16")),
        "reportedOn", "no puede ser posterior a hoy (15 de marzo de 2032)");
    assertRefused(() -> engine.getTaskService().complete(first, progress(statuses).putValue("reportedOn", "2032-01-20")),
        "reportedOn", "no puede ser anterior al lanzamiento del PAL (1 de febrero de 2032)");
    engine.getTaskService().complete(first, progress(statuses).putValue("reportedOn", "2032-03-01"));

    execute(timer(driver.implementation(exercise, 1), CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE));
    String second = reportTask(exercise, 1);
    assertRefused(() -> engine.getTaskService().complete(second, progress(statuses).putValue("reportedOn", "2032-02-15")),
        "reportedOn", "no puede ser anterior al informe anterior de este compromiso (1 de marzo de 2032)");
    engine.getTaskService().complete(second, progress(statuses).putValue("reportedOn", "2032-03-15"));
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).extracting(ProgressReport::reportedAt)
        .containsExactly(Instant.parse("2032-03-01T06:00:00Z"), Instant.parse("2032-03-15T06:00:00Z"));
  }

  private String reportTask(ProcessInstance exercise, int commitment) {
    return engine.getTaskService().createTaskQuery().processInstanceId(driver.implementation(exercise, commitment).getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult().getId();
  }

  @Test
  void monitoringAndEvaluationNeedExactlyOneValidEntryPerCommitment() {
    ProcessInstance exercise = driver.startAtStep("oax", 6);
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    execute(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH));
    String monitorTask = driver.task(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS).getId();
    assertRefused(() -> engine.getTaskService().complete(monitorTask, monitoring(
        "[{\"commitment\":1,\"verifiable\":true,\"relevant\":true,\"potentialImpact\":\"minor\"}]")),
        "monitoring", "faltan: [2]");
    assertRefused(() -> engine.getTaskService().complete(monitorTask, monitoring("""
        [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"minor"},
         {"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"minor"}]""")),
        "monitoring[2].commitment", "más de una vez");
    assertRefused(() -> engine.getTaskService().complete(monitorTask, monitoring("""
        [{"commitment":1,"verifiable":"sí","relevant":true,"potentialImpact":"enorme"},
         {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"minor"}]""")),
        "monitoring[1].potentialImpact", "valores permitidos: none, minor, moderate, transformative");
    assertRefused(() -> engine.getTaskService().complete(monitorTask, monitoring("""
        [{"commitment":1,"verifiable":"sí","relevant":true,"potentialImpact":"minor"},
         {"commitment":7,"verifiable":true,"relevant":true,"potentialImpact":"minor"}]""")),
        "monitoring[2].commitment", "no es un compromiso del PAL");

    engine.getTaskService().complete(monitorTask, monitoring("""
        [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"minor"},
         {"commitment":2,"verifiable":false,"relevant":true,"potentialImpact":"none"}]"""));

    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    String evaluationTask = driver.task(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE).getId();
    assertRefused(() -> engine.getTaskService().complete(evaluationTask, Variables.createVariables()
        .putValueTyped("evaluation", json("""
            [{"commitment":1,"completion":"casi","openedGovernment":"major"},
             {"commitment":2,"completion":"complete","openedGovernment":"muchísimo"}]"""))),
        "evaluation[1].completion", "valores permitidos: no-evidence, not-started, limited, substantial, complete");
    assertThat(followUp).isWaitingAt(FollowUpProcess.TASK_EVALUATE_PERFORMANCE);
  }

  /** The PAL ends while INAI's monitoring is still open: the evaluation waits for it, it is never skipped. */
  @Test
  void theEvaluationWaitsForAMonitoringStillOpen() {
    ProcessInstance exercise = driver.startAtStep("yuc", 6);
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    execute(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH));
    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    assertThat(followUp).hasPassed(FollowUpProcess.EVENT_PAL_ENDED).isWaitingAt(FollowUpProcess.TASK_MONITOR_COMMITMENTS);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().processInstanceId(followUp.getId())
        .taskDefinitionKey(FollowUpProcess.TASK_EVALUATE_PERFORMANCE).count()).isZero();

    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, monitoring("""
        [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative"},
         {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"moderate"}]"""));
    assertThat(followUp).hasPassed(FollowUpProcess.TASK_RECORD_MONITORING)
        .isWaitingAt(FollowUpProcess.TASK_EVALUATE_PERFORMANCE);
    // The monitoring's report is public evidence of step 6, as the final report will be.
    EvidenceItem report = catalogue.list("yuc", exercise.getId()).stream()
        .filter(i -> RecordMonitoringDelegate.SOURCE.equals(i.source())).findFirst().orElseThrow();
    Assertions.assertThat(report.step()).isEqualTo(6);
    Assertions.assertThat(report.name()).isEqualTo("informe-de-monitoreo-" + exercise.getBusinessKey() + ".pdf");
    Assertions.assertThat(new String(evidence.file(report.id()).orElseThrow().content(), 0, 5)).isEqualTo("%PDF-");
    Assertions.assertThat(assessments.assessments(exercise.getId())).extracting(Assessment::potentialImpact)
        .containsExactly("transformative", "moderate");
  }

  private void reportOn(ProcessInstance implementationInstance, String statuses, String evidenceUrl) {
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(implementationInstance.getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult().getId();
    VariableMap variables = progress(statuses);
    if (evidenceUrl != null) {
      variables.putValue("evidenceUrl", evidenceUrl);
    }
    engine.getTaskService().complete(taskId, variables);
  }

  private static VariableMap progress(String statuses) {
    return Variables.createVariables().putValueTyped("activityProgress", json(statuses));
  }

  private static VariableMap monitoring(String rows) {
    return Variables.createVariables().putValueTyped("monitoring", json(rows));
  }

  private static byte[] withPdfHeader(int size) {
    byte[] bytes = new byte[size];
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, bytes, 0, 9);
    return bytes;
  }

  private List<ProcessInstance> implementations(ProcessInstance exercise) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(CommitmentImplementationProcess.KEY)
        .processInstanceBusinessKey(exercise.getBusinessKey()).list();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
  }

  private List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId()).toList();
  }
}
