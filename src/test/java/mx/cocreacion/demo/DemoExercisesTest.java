package mx.cocreacion.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mx.cocreacion.declaration.DeclarationProcess;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.evidence.EvidenceRepository;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.outreach.OutreachProcess;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.Assessment;
import mx.cocreacion.plan.AssessmentRepository;
import mx.cocreacion.plan.CommitmentVersion;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.ProgressReport;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.validation.Dates;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The demo data: Jalisco in step 6 and Campeche finished, walked through the real processes. Every
 * task was completed through the task service, so the completion listener checked each submission
 * (a refused one would have failed the seeding) and recorded it; the microsite shows both.
 */
class DemoExercisesTest extends ProcessTestSupport {

  /** Years no other test uses. */
  static final int JALISCO_YEAR = 2801;
  static final int CAMPECHE_YEAR = 2802;

  @Autowired DemoExercises demo;
  @Autowired ExerciseRepository exercises;
  @Autowired ImplementationRepository implementation;
  @Autowired AssessmentRepository assessments;
  @Autowired EvidenceRepository evidence;
  @Autowired RecordRepository records;
  @Autowired CommitmentViews views;
  @LocalServerPort int port;

  @Test
  void jaliscoIsImplementingItsPalWithProgressReportsAndEvidence() {
    ProcessInstance exercise = demo.seedJalisco(JALISCO_YEAR);

    Assertions.assertThat(exercise.getBusinessKey()).isEqualTo("jal-" + JALISCO_YEAR);
    assertThat(exercise).isActive().isWaitingAt(LocalExerciseProcess.STEP_6);
    Exercise recorded = exercises.findById(exercise.getId()).orElseThrow();
    Assertions.assertThat(recorded.currentStep()).isEqualTo(6);
    Assertions.assertThat(recorded.tenantId()).isEqualTo("jal");
    LocalDate launch = Dates.localDate(recorded.launchDate());
    Assertions.assertThat(launch).isEqualTo(today().minusDays(DemoExercises.JALISCO_LAUNCHED_DAYS_AGO));
    Assertions.assertThat(Dates.localDate(recorded.palEnd())).isEqualTo(launch.plusYears(1));

    // Progress: two reports on the first commitment, one on each of the others.
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).extracting(ProgressReport::number)
        .containsExactly(1, 2);
    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).extracting(ProgressReport::progress)
        .containsExactly(0.3333, 0.6667);
    Assertions.assertThat(implementation.reports(exercise.getId(), 2)).hasSize(1);
    Assertions.assertThat(implementation.reports(exercise.getId(), 3)).singleElement()
        .satisfies(r -> Assertions.assertThat(r.evidenceName()).isEqualTo("actas-asambleas-paritarias.pdf"));
    Assertions.assertThat(implementation.palProgress(exercise.getId())).isGreaterThan(0.0);
    // The reports name the STL member who made them (the demo person of the group).
    Assertions.assertThat(implementation.reports(exercise.getId(), 2).get(0).reportedBy())
        .isEqualTo("laura.medina@jal.demo.cocreacion.mx");

    // Evidence through the form's path: the generated PDFs and the links.
    List<EvidenceItem> items = evidence.list(exercise.getId(), "/descarga");
    Assertions.assertThat(items).filteredOn(i -> "application/pdf".equals(i.contentType()))
        .extracting(EvidenceItem::name)
        .contains("minuta-comites-del-agua.pdf", "actas-asambleas-paritarias.pdf");
    Assertions.assertThat(items).extracting(EvidenceItem::url)
        .contains("https://datos.jalisco.gob.mx/dataset/calidad-del-agua-por-colonia");

    // Two reports are due now (open for the STL in Tasklist); the third commitment waits for its period.
    List<Task> due = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).list();
    Assertions.assertThat(due).hasSize(2).allSatisfy(t -> Assertions.assertThat(t.getTenantId()).isEqualTo("jal"));
    // INAI's monitoring is six months after the recorded launch: still ahead.
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    Job monitoring = engine.getManagementService().createJobQuery().processInstanceId(followUp.getId())
        .activityId(FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH).singleResult();
    Assertions.assertThat(Dates.localDate(monitoring.getDuedate().toInstant())).isEqualTo(launch.plusMonths(6));
    Assertions.assertThat(monitoring.getDuedate().toInstant()).isAfter(Instant.now());

    // Two amendments: the first commitment's due date moved (approved: version 2), an activity for the third
    // rejected (one titular against, under Jalisco's consensus).
    CommitmentView water = views.of(exercise.getId(), 1).orElseThrow();
    Assertions.assertThat(water.versions()).extracting(CommitmentVersion::version).containsExactly(1, 2);
    Assertions.assertThat(water.amendments()).singleElement().extracting(CommitmentView.Change::status)
        .isEqualTo(Amendment.APPROVED);
    Assertions.assertThat(views.of(exercise.getId(), 3).orElseThrow().amendments()).singleElement()
        .satisfies(a -> Assertions.assertThat(a.status()).isEqualTo(Amendment.REJECTED));

    // The STL chose its facilitator under its rule: the titulars' three votes, the person named on the record.
    Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey()).taskDefinitionKey("vote-facilitator").finished().count())
        .isEqualTo(3);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().facilitatorName()).isNotBlank();

    assertEveryTaskWasCompletedByADemoPerson(exercise, 32);
    Assertions.assertThat(records.payloads(exercise.getId(), DeclarationProcess.RECORD_SIGNATURE)).hasSize(3);
    Assertions.assertThat(records.payloads(exercise.getId(), OutreachProcess.RECORD_OUTREACH)).singleElement()
        .satisfies(minutes -> Assertions.assertThat(minutes).contains("Centro Universitario de los Altos"));

    String page = get("/micrositio/jal/" + JALISCO_YEAR);
    Assertions.assertThat(page).contains("Jalisco", "Monitoreo ciudadano de la calidad del agua",
        "Presupuesto participativo con perspectiva de género", "minuta-comites-del-agua.pdf",
        "Tomás Ibarra Ruelas", "Modificaciones y versiones", "Rechazada",
        // Who signed, with position and institution; the indicators as measured; the STL's session minutes.
        "Titular de la Secretaría de la Contraloría del Estado", "Valor alcanzado", "<strong>8</strong>",
        "acta-reglas-stl.pdf", "acta-vigencia-pal.pdf");
  }

  @Test
  void campecheFinishedItsPalWithMonitoringEvaluationAndAStarredCommitment() {
    ProcessInstance exercise = demo.seedCampeche(CAMPECHE_YEAR);

    assertThat(exercise).isEnded();
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey()).count()).as("nothing left running").isZero();
    Exercise recorded = exercises.findById(exercise.getId()).orElseThrow();
    Assertions.assertThat(recorded.endedAt()).isNotNull();
    Assertions.assertThat(recorded.palEnd()).isBefore(Instant.now());

    List<Assessment> assessed = assessments.assessments(exercise.getId());
    Assertions.assertThat(assessed).extracting(Assessment::commitment).containsExactly(1, 2);
    Assertions.assertThat(assessed).extracting(Assessment::potentialImpact).containsExactly("transformative", "moderate");
    Assertions.assertThat(assessed).extracting(Assessment::completion).containsExactly("complete", "limited");
    Assertions.assertThat(assessed).extracting(Assessment::starred).containsExactly(true, false);

    Assertions.assertThat(implementation.reports(exercise.getId(), 1)).extracting(ProgressReport::progress)
        .containsExactly(0.5, 1.0);
    Assertions.assertThat(implementation.reports(exercise.getId(), 2)).extracting(ProgressReport::progress)
        .containsExactly(0.5, 0.5);
    Assertions.assertThat(evidence.list(exercise.getId(), "/descarga")).extracting(EvidenceItem::name)
        .contains("padron-de-permisos-de-pesca.pdf");
    Assertions.assertThat(records.payloads(exercise.getId(), FollowUpProcess.RECORD_FINAL_REPORT)).isNotEmpty();

    assertEveryTaskWasCompletedByADemoPerson(exercise, 30);
    Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey())
        .taskDefinitionKey(FollowUpProcess.TASK_EVALUATE_PERFORMANCE).singleResult().getAssignee())
        .isEqualTo("inai-monitor");

    String page = get("/micrositio/cam/" + CAMPECHE_YEAR);
    Assertions.assertThat(page).contains("Campeche", "Padrón abierto de pesca responsable",
        "Salud materna con información en lengua maya", "Compromiso destacado", "padron-de-permisos-de-pesca.pdf",
        "Autoevaluaciones y evaluaciones", "Acordar al inicio, por escrito, quién publica cada conjunto de datos",
        "Sesiones del STL", "Sala de plenos de la COTAIPEC");
  }

  /** Every user task of the exercise (all its processes) is finished, completed by a demo person; {@code count} in all. */
  private void assertEveryTaskWasCompletedByADemoPerson(ProcessInstance exercise, int count) {
    // The STL's standing task for its next session is left open and ends with the exercise, not completed.
    List<HistoricTaskInstance> done = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey()).finished().list().stream()
        .filter(t -> !(LocalExerciseProcess.TASK_RECORD_STL_SESSION.equals(t.getTaskDefinitionKey())
            && t.getAssignee() == null))
        .toList();
    Assertions.assertThat(done).hasSize(count)
        .allSatisfy(t -> Assertions.assertThat(t.getDeleteReason()).as(t.getTaskDefinitionKey()).isEqualTo("completed"))
        .allSatisfy(t -> Assertions.assertThat(t.getAssignee()).as(t.getTaskDefinitionKey()).isNotBlank());
    Assertions.assertThat(done).extracting(HistoricTaskInstance::getAssignee)
        .contains(exercise.getBusinessKey().substring(0, 3) + "-guarantor",
            exercise.getBusinessKey().substring(0, 3) + "-society",
            exercise.getBusinessKey().substring(0, 3) + "-government");
  }

  private static LocalDate today() {
    return LocalDate.now(Dates.MEXICO);
  }

  private String get(String path) {
    Http.Answer response = new Http(port).get(path);
    Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(200);
    return response.body();
  }
}
