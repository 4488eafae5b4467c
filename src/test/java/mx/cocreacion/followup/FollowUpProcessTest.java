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
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.plan.ProgressReport;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.TestVariables;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Step 6 through a whole PAL with the engine clock: monthly progress reports on each commitment,
 * INAI's monitoring exactly six months after the recorded launch, the evaluation when the PAL
 * ends, which ends every open implementation, and the starred commitments; a PAL of more than a year is also
 * evaluated at the end of each year of implementation, and the STL assesses itself before every evaluation.
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

  @LocalServerPort int port;
  @Autowired EvaluationRoundRepository rounds;

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
        .contains("Presupuesto abierto").contains("\"palProgress\":50")
        // What INAI evaluates on: the documentary evidence of each step, and the indicators' values.
        .contains("\"evidenceText\":\"Paso 1, Arranque: sin documentos · Paso 2, Sensibilización: sin documentos · "
            + "Paso 3, Secretariado Técnico Local: 3 documentos (acta-agenda-stl.pdf, acta-reglas-stl.pdf, acta-reunion-stl.pdf)",
            "Paso 5, Plan de Acción Local: 3 documentos (acta-vigencia-pal.pdf, enlace a video.ejemplo.mx, plan-de-accion-local-",
            "Paso 6, Seguimiento y evaluación: 1 documento (enlace a transparencia.oaxaca.gob.mx)")
        .contains("\"valueText\":\"sin medir\"");
    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative","notes":"Ambicioso"},
             {"commitment":2,"verifiable":true,"relevant":false,"potentialImpact":"moderate","notes":""}]""")));
    assertThat(followUp).hasPassed(FollowUpProcess.TASK_RECORD_MONITORING);
    Assertions.assertThat(exercises.findById(exercise.getId())).isPresent();

    // The second commitment keeps reporting until the PAL ends.
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(second.getId()).count()).isOne();

    // A PAL of one year: no yearly evaluation, the monitoring leads straight to the wait for the PAL's end.
    Assertions.assertThat(management.createJobQuery().processInstanceId(followUp.getId())
        .activityId(FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED).count()).isZero();
    assertThat(followUp).hasPassed(FollowUpProcess.GATEWAY_YEAR_AHEAD).hasNotPassed(FollowUpProcess.TASK_EVALUATE_YEAR);

    ClockUtil.setCurrentTime(Date.from(PAL_END));
    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    // The STL assesses itself first; INAI's evaluation opens when it is done.
    var selfAssessment = driver.task(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL);
    Assertions.assertThat(selfAssessment.getName()).isEqualTo("Autoevaluar el PAL: " + oaxacaAndYear + ", evaluación final");
    Assertions.assertThat(candidateGroups(selfAssessment.getId())).containsExactly("stl");
    Assertions.assertThat(driver.tasks(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE)).isEmpty();
    driver.selfAssess(exercise);
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
      // The file it published has a public download path: the open data links it, and it downloads.
      String tenant = exercises.findById(exercise.getId()).orElseThrow().tenantId();
      Assertions.assertThat(r.evidenceFileUrl()).startsWith("/micrositio/" + tenant + "/evidencia/");
      var download = new Http(port).get(r.evidenceFileUrl());
      Assertions.assertThat(download.status()).isEqualTo(200);
      Assertions.assertThat(download.bytes()).isEqualTo(withPdfHeader(2048));
      int year = exercises.findById(exercise.getId()).orElseThrow().year();
      Assertions.assertThat(new Http(port).get("/api/public/reports.csv?year=" + year).body())
          .contains(r.evidenceFileUrl());
      Assertions.assertThat(new Http(port).get("/api/public/exercises/" + tenant + "/commitments?year=" + year).body())
          .contains("\"evidenceFileUrl\":\"" + r.evidenceFileUrl() + "\"");
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
    driver.selfAssess(exercise);
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
        .isWaitingAt(FollowUpProcess.TASK_SELF_ASSESS_PAL);
    driver.selfAssess(exercise);
    assertThat(followUp).isWaitingAt(FollowUpProcess.TASK_EVALUATE_PERFORMANCE);
    // The monitoring's report is public evidence of step 6, as the final report will be.
    EvidenceItem report = catalogue.list("yuc", exercise.getId()).stream()
        .filter(i -> RecordMonitoringDelegate.SOURCE.equals(i.source())).findFirst().orElseThrow();
    Assertions.assertThat(report.step()).isEqualTo(6);
    Assertions.assertThat(report.name()).isEqualTo("informe-de-monitoreo-" + exercise.getBusinessKey() + ".pdf");
    Assertions.assertThat(new String(evidence.file(report.id()).orElseThrow().content(), 0, 5)).isEqualTo("%PDF-");
    Assertions.assertThat(assessments.assessments(exercise.getId())).extracting(Assessment::potentialImpact)
        .containsExactly("transformative", "moderate");
  }

  /** A PAL of two years launched on its first day: 2032-02-01 to 2034-02-01 (Mexico City). */
  static final Instant YEAR_ONE = Instant.parse("2033-02-01T06:00:00Z");
  static final Instant TWO_YEAR_PAL_END = Instant.parse("2034-02-01T06:00:00Z");

  /**
   * A PAL of two years: the monitoring, then at launch + 12 months the STL's self-assessment and INAI's yearly
   * evaluation with its public report, then at the end of the PAL the final self-assessment and evaluation.
   */
  @Test
  void aTwoYearPalIsEvaluatedAtTheEndOfItsFirstYearAfterTheStlsSelfAssessmentThenAtItsEnd() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance exercise = driver.startWithPal("cmx", "2032-02-01", "2034-02-01", "2032-02-01");
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    String entityAndYear = "Ciudad de México " + exercises.findById(exercise.getId()).orElseThrow().year();
    Assertions.assertThat(timers(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED))
        .as("no yearly evaluation before the monitoring").isZero();

    ClockUtil.setCurrentTime(Date.from(SIX_MONTHS));
    driver.monitor(exercise);
    Job yearEnd = timer(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED);
    Assertions.assertThat(yearEnd.getDuedate().toInstant()).as("launch + 12 months").isEqualTo(YEAR_ONE);

    ClockUtil.setCurrentTime(Date.from(YEAR_ONE));
    execute(yearEnd);
    theStlDraftsTheAgendaOfTheSecondYear(exercise, followUp, entityAndYear);
    Task self = driver.task(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL);
    Assertions.assertThat(self.getName()).isEqualTo("Autoevaluar el PAL: " + entityAndYear + ", año 1 de implementación");
    Assertions.assertThat(candidateGroups(self.getId())).containsExactly("stl");
    Assertions.assertThat(engine.getTaskService().getVariable(self.getId(), FollowUpProcess.VAR_EVALUATION_ROUND).toString())
        .contains("el año 1 de implementación, del 1 de febrero de 2032 al 1 de febrero de 2033");
    Assertions.assertThat(driver.tasks(exercise, FollowUpProcess.TASK_EVALUATE_YEAR)).as("the STL first").isEmpty();
    driver.selfAssess(exercise);

    Task yearly = driver.task(exercise, FollowUpProcess.TASK_EVALUATE_YEAR);
    Assertions.assertThat(yearly.getName())
        .isEqualTo("Evaluar año de implementación del PAL: " + entityAndYear + ", año 1 de implementación");
    Assertions.assertThat(candidateGroups(yearly.getId())).containsExactly("inai");
    Assertions.assertThat(engine.getTaskService().getVariable(yearly.getId(), FollowUpProcess.VAR_EVALUATION_ROUND).toString())
        .contains("Se publicó el portal de presupuesto", "La dependencia responsable cambió de titular");
    Assertions.assertThat(engine.getTaskService().getVariable(yearly.getId(), FollowUpProcess.VAR_YEAR_EVALUATION).toString())
        .contains("Presupuesto abierto", "transformador");
    assertRefused(() -> engine.getTaskService().complete(yearly.getId(), Variables.createVariables()
        .putValueTyped("yearEvaluation", json("""
            [{"commitment":1,"completion":"casi"},{"commitment":2,"completion":"limited"}]"""))),
        "yearEvaluation[1].completion", "valores permitidos: no-evidence, not-started, limited, substantial, complete");
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_YEAR, TestVariables.evaluateYear());
    assertThat(followUp).hasPassed(FollowUpProcess.TASK_RECORD_YEAR_EVALUATION);

    // The year's report is public evidence of step 6.
    EvidenceItem report = catalogue.list("cmx", exercise.getId()).stream()
        .filter(i -> RecordYearEvaluationDelegate.source(1).equals(i.source())).findFirst().orElseThrow();
    Assertions.assertThat(report.step()).isEqualTo(6);
    Assertions.assertThat(report.name()).isEqualTo("informe-evaluacion-anio-1-" + exercise.getBusinessKey() + ".pdf");
    byte[] yearPdf = evidence.file(report.id()).orElseThrow().content();
    Assertions.assertThat(new String(yearPdf, 0, 5)).isEqualTo("%PDF-");
    Assertions.assertThat(pdfText(yearPdf)).contains("Informe de evaluación del año 1 de implementación",
        "Autoevaluación del Secretariado Técnico Local", "Logros: Se publicó el portal de presupuesto",
        "Evaluación del año 1: Sustancial. Notas: Portal publicado", "Evaluación del año 1: Limitado");
    Assertions.assertThat(rounds.rounds(exercise.getId())).singleElement().satisfies(r -> {
      Assertions.assertThat(r.year()).isEqualTo(1);
      Assertions.assertThat(r.finalRound()).isFalse();
      Assertions.assertThat(r.selfAssessment().achievements()).startsWith("Se publicó el portal");
      Assertions.assertThat(r.assessments()).extracting(EvaluationRound.YearAssessment::completion)
          .containsExactly("substantial", "limited");
    });

    // The second year ends with the PAL: no other yearly evaluation, only the end of the PAL is ahead.
    Assertions.assertThat(timers(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED)).isZero();
    Assertions.assertThat(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED).getDuedate().toInstant()).isEqualTo(TWO_YEAR_PAL_END);
    ClockUtil.setCurrentTime(Date.from(TWO_YEAR_PAL_END));
    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    Assertions.assertThat(driver.task(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL).getName())
        .isEqualTo("Autoevaluar el PAL: " + entityAndYear + ", evaluación final");
    Assertions.assertThat(driver.tasks(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE)).isEmpty();
    driver.selfAssess(exercise);
    Task evaluation = driver.task(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE);
    Assertions.assertThat(engine.getTaskService().getVariable(evaluation.getId(), FollowUpProcess.VAR_EVALUATION_ROUND)
        .toString()).contains("Evaluación final", "Se publicó el portal de presupuesto");
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE, Variables.createVariables()
        .putValueTyped("evaluation", json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major","notes":""},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal","notes":""}]""")));
    assertThat(followUp).hasPassed(FollowUpProcess.END_EXERCISE_EVALUATED).isEnded();
    Assertions.assertThat(rounds.rounds(exercise.getId())).extracting(EvaluationRound::title, r -> r.evaluatedAt() != null,
        r -> r.selfAssessment() != null).containsExactly(
            Assertions.tuple("Año 1 de implementación", true, true), Assertions.tuple("Evaluación final", true, true));

    // Public: the open data (an added key) and the microsite.
    Http http = new Http(port);
    var data = http.get("/api/public/exercises/cmx/commitments?year="
        + exercises.findById(exercise.getId()).orElseThrow().year()).json();
    Assertions.assertThat(data.get("evaluations")).hasSize(2);
    Assertions.assertThat(data.get("evaluations").get(0).get("year").asInt()).isEqualTo(1);
    Assertions.assertThat(data.get("evaluations").get(0).get("selfAssessment").get("difficulties").asText())
        .startsWith("La dependencia responsable");
    Assertions.assertThat(data.get("evaluations").get(0).get("assessments").get(0).get("completion").asText())
        .isEqualTo("substantial");
    Assertions.assertThat(data.get("evaluations").get(1).get("finalRound").asBoolean()).isTrue();
    Assertions.assertThat(data.get("commitments").get(0).get("evaluation").get("completion").asText()).isEqualTo("complete");
    String page = http.get("/micrositio/cmx/" + exercises.findById(exercise.getId()).orElseThrow().year()).body();
    Assertions.assertThat(page).contains("Autoevaluaciones y evaluaciones", "Año 1 de implementación", "Evaluación final",
        "Acordar desde el inicio quién publica cada dato.", "Informe de evaluación del año 1 de implementación (PDF)");
  }

  /**
   * The seed has the STL draft «su agenda anual de trabajo»: when the first year of implementation ends the STL gets
   * the task of step 3 again, for the year that begins (same fields and rules: the minutes are required), and the
   * microsite and the calendars show both agendas.
   */
  private void theStlDraftsTheAgendaOfTheSecondYear(ProcessInstance exercise, ProcessInstance followUp,
      String entityAndYear) {
    Task agenda = driver.task(exercise, FollowUpProcess.TASK_DRAFT_ANNUAL_AGENDA);
    Assertions.assertThat(agenda.getProcessInstanceId()).isEqualTo(followUp.getId());
    Assertions.assertThat(agenda.getName()).isEqualTo("Elaborar agenda anual: " + entityAndYear + ", año 2 de implementación");
    Assertions.assertThat(candidateGroups(agenda.getId())).containsExactly("stl");
    Assertions.assertThat(agenda.getDueDate().toInstant()).as("P21D").isEqualTo(YEAR_ONE.plus(java.time.Duration.ofDays(21)));
    assertRefused(() -> engine.getTaskService().complete(agenda.getId(), Variables.createVariables()
        .putValueTyped("agenda", json("[{\"date\":\"2033-03-01\",\"activity\":\"Sesión ordinaria\"}]"))),
        "agendaMinutes", "es obligatoria");
    driver.complete(exercise, FollowUpProcess.TASK_DRAFT_ANNUAL_AGENDA, TestVariables.draftAnnualAgenda()
        .putValueTyped("agenda", json("[{\"date\":\"2033-03-01\",\"activity\":\"Sesión ordinaria del segundo año\"}]")));
    assertThat(followUp).hasPassed(FollowUpProcess.END_NEXT_AGENDA_DRAFTED);
    Assertions.assertThat(catalogue.list("cmx", exercise.getId())).filteredOn(i -> i.step() == 6)
        .anySatisfy(i -> Assertions.assertThat(i.source()).contains("Acta de la sesión del STL que aprobó su agenda anual"));
    String year = String.valueOf(exercises.findById(exercise.getId()).orElseThrow().year());
    Http http = new Http(port);
    Assertions.assertThat(http.get("/micrositio/cmx/" + year).body()).contains("Agenda anual: primer año",
        "Agenda anual: año 2 de implementación", "Sesión ordinaria del segundo año");
    Assertions.assertThat(http.get("/micrositio/cmx/calendario.ics").body()).as("both agendas, the first one's UIDs kept")
        .contains("UID:agenda-1." + exercise.getBusinessKey(), "UID:agenda-2-1." + exercise.getBusinessKey());
  }

  /** 18 months: one yearly evaluation at launch + 12 months; a launch seven months before the end: none. */
  @Test
  void anEighteenMonthPalHasOneYearlyEvaluationAndALateLaunchNone() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance eighteen = driver.startWithPal("jal", "2032-02-01", "2033-08-01", "2032-03-15");
    driver.monitor(eighteen);
    ProcessInstance followUp = driver.step(eighteen, FollowUpProcess.KEY);
    Assertions.assertThat(timer(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED).getDuedate().toInstant())
        .isEqualTo(Instant.parse("2033-03-15T06:00:00Z"));
    driver.evaluateYear(eighteen);
    Assertions.assertThat(timers(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED)).isZero();
    assertThat(followUp).isWaitingAt(FollowUpProcess.EVENT_PAL_ENDED);

    ProcessInstance late = driver.startWithPal("nay", "2032-02-01", "2034-02-01", "2033-07-15");
    driver.monitor(late);
    ProcessInstance lateFollowUp = driver.step(late, FollowUpProcess.KEY);
    Assertions.assertThat(timers(lateFollowUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED)).isZero();
    assertThat(lateFollowUp).hasPassed(FollowUpProcess.GATEWAY_YEAR_AHEAD).isWaitingAt(FollowUpProcess.EVENT_PAL_ENDED);
    driver.endPal(late);
    Assertions.assertThat(driver.tasks(late, FollowUpProcess.TASK_EVALUATE_PERFORMANCE)).hasSize(1);
    Assertions.assertThat(rounds.rounds(late.getId())).singleElement().satisfies(r -> {
      Assertions.assertThat(r.finalRound()).isTrue();
      Assertions.assertThat(r.round()).isEqualTo(1);
    });
  }

  /** The STL does not assess itself: a week after its due date the task closes and INAI evaluates without it. */
  @Test
  void withoutTheSelfAssessmentInaiEvaluatesOnceItsTimeIsUp() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance exercise = driver.startWithPal("cam", "2032-02-01", "2034-02-01", "2032-02-01");
    driver.monitor(exercise);
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    ClockUtil.setCurrentTime(Date.from(YEAR_ONE));
    execute(timer(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED));
    Task self = driver.task(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL);
    Assertions.assertThat(self.getDueDate().toInstant()).as("P21D").isEqualTo(YEAR_ONE.plus(java.time.Duration.ofDays(21)));
    Job closes = timer(followUp, FollowUpProcess.EVENT_SELF_ASSESSMENT_CLOSED);
    Assertions.assertThat(closes.getDuedate().toInstant()).as("due date + cocreacion.follow-up.self-assessment-grace")
        .isEqualTo(YEAR_ONE.plus(java.time.Duration.ofDays(28)));

    ClockUtil.setCurrentTime(closes.getDuedate());
    execute(closes);
    Assertions.assertThat(driver.tasks(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL)).isEmpty();
    Task yearly = driver.task(exercise, FollowUpProcess.TASK_EVALUATE_YEAR);
    Assertions.assertThat(engine.getTaskService().getVariable(yearly.getId(), FollowUpProcess.VAR_EVALUATION_ROUND).toString())
        .contains("El STL no completó la autoevaluación en su plazo.");
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_YEAR, TestVariables.evaluateYear());
    Assertions.assertThat(rounds.rounds(exercise.getId())).singleElement().satisfies(r -> {
      Assertions.assertThat(r.selfAssessment()).isNull();
      Assertions.assertThat(r.evaluatedAt()).isNotNull();
    });
    Assertions.assertThat(new Http(port).get("/micrositio/cam/" + exercises.findById(exercise.getId()).orElseThrow().year())
        .body()).contains("El STL no completó la autoevaluación en su plazo.");
  }

  /** A year ends while INAI's monitoring is still open: the yearly evaluation waits for it, it never skips it. */
  @Test
  void aYearlyEvaluationWaitsForAMonitoringStillOpen() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-01T16:00:00Z")));
    ProcessInstance exercise = driver.startWithPal("gro", "2032-02-01", "2034-02-01", "2032-02-01");
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    ClockUtil.setCurrentTime(Date.from(SIX_MONTHS));
    execute(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH));
    ClockUtil.setCurrentTime(Date.from(YEAR_ONE.plus(java.time.Duration.ofDays(20))));
    Assertions.assertThat(timers(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED)).isZero();
    Assertions.assertThat(driver.tasks(exercise, FollowUpProcess.TASK_SELF_ASSESS_PAL)).isEmpty();

    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, monitoring("""
        [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative"},
         {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"moderate"}]"""));
    Job yearEnd = timer(followUp, FollowUpProcess.EVENT_YEAR_OF_IMPLEMENTATION_ENDED);
    Assertions.assertThat(yearEnd.getDuedate().toInstant()).as("already due: the year ended").isEqualTo(YEAR_ONE);
    execute(yearEnd);
    assertThat(followUp).isWaitingAt(FollowUpProcess.TASK_SELF_ASSESS_PAL);
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

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    reader.close();
    return text.toString().replaceAll("\\s+", " ");
  }

  private long timers(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).count();
  }

  private List<String> candidateGroups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId()).toList();
  }
}
