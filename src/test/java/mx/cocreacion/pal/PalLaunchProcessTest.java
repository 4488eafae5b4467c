package mx.cocreacion.pal;

import static mx.cocreacion.support.Refusals.assertRefused;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.io.ByteArrayInputStream;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Step 5: the STL sets the PAL's validity (1–2 years) and the garante launches it in public. */
class PalLaunchProcessTest extends ProcessTestSupport {

  @Autowired ExerciseRepository exercises;
  @Autowired EvidenceCatalogue evidence;

  @Test
  void scheduleAndLaunchRecordTheDatesAndStartFollowUp() {
    var exercise = driver.startAtStep("oax", 5);
    var pal = driver.step(exercise, PalLaunchProcess.KEY);
    assertThat(pal).isWaitingAt(PalLaunchProcess.TASK_SCHEDULE_PAL);
    // Steps 5 and 6 read the plan of record, not a copy of the commitments Json (issue 18).
    Assertions.assertThat(engine.getRuntimeService().getVariable(pal.getId(), "commitments")).isNull();

    driver.complete(exercise, "schedule-pal", TestVariables.schedulePal());
    assertThat(pal).hasPassed(PalLaunchProcess.TASK_RECORD_PAL_DATES).isWaitingAt(PalLaunchProcess.TASK_HOLD_PUBLIC_LAUNCH);
    driver.complete(exercise, "hold-public-launch", TestVariables.holdPublicLaunch());

    assertThat(pal).hasPassed(PalLaunchProcess.TASK_RECORD_LAUNCH).isEnded();
    assertThat(exercise).isWaitingAt("step-6");
    Exercise recorded = exercises.findById(exercise.getId()).orElseThrow();
    Assertions.assertThat(recorded.palStart()).isEqualTo(Instant.parse("2032-02-01T06:00:00Z"));
    Assertions.assertThat(recorded.palEnd()).isEqualTo(Instant.parse("2033-02-01T06:00:00Z"));
    Assertions.assertThat(recorded.launchPlace()).isEqualTo("Plaza principal");
    Assertions.assertThat(recorded.currentStep()).isEqualTo(6);
    Assertions.assertThat(engine.getRuntimeService().getVariable(exercise.getId(), "launchDate")).isInstanceOf(Date.class);
  }

  @Test
  void thePalLastsAtLeastOneYearAndOverTwoYearsNeedsAJustification() {
    var exercise = driver.startAtStep("jal", 5);
    String taskId = driver.task(exercise, "schedule-pal").getId();

    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.schedulePal().putValue("palEnd", "2033-01-31")), "palEnd", "al menos un año");
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.schedulePal().putValue("palEnd", "2034-03-01")), "durationJustification", "supera dos años");
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.schedulePal().putValue("palStart", null)), "palStart", "obligatoria");
    VariableMap withoutMinutes = TestVariables.schedulePal();
    withoutMinutes.remove("palMinutes");
    assertRefused(() -> engine.getTaskService().complete(taskId, withoutMinutes), "palMinutes",
        "anexe el acta de la sesión en la que el STL fijó la vigencia del PAL");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().palStart()).isNull();

    engine.getTaskService().complete(taskId, TestVariables.schedulePal().putValue("palEnd", "2034-03-01")
        .putValue("durationJustification", "Cambio de administración estatal a mitad del periodo"));
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().durationJustification())
        .contains("Cambio de administración");
  }

  /** The plan's activities (due from 30 June to 15 December 2032) are carried out while the PAL is valid. */
  @Test
  void theActivitiesOfThePlanFallWithinThePalsValidity() {
    var exercise = driver.startAtStep("sin", 5);
    String taskId = driver.task(exercise, "schedule-pal").getId();
    Assertions.assertThat(engine.getTaskService().getVariable(taskId, "approvedPlan").toString())
        .as("the form shows the rule's dates before a refusal").contains("\"commitments\":2", "\"activities\":3",
            "\"firstDueText\":\"30 de junio de 2032\"", "\"lastDueText\":\"15 de diciembre de 2032\"");

    assertRefused(() -> engine.getTaskService().complete(taskId, TestVariables.schedulePal()
        .putValue("palStart", "2032-07-01").putValue("palEnd", "2033-07-01")), "palStart",
        "primera actividad del plan (30 de junio de 2032, «Portal» del compromiso 1)");
    assertRefused(() -> engine.getTaskService().complete(taskId, TestVariables.schedulePal()
        .putValue("palStart", "2031-12-01").putValue("palEnd", "2032-12-01")), "palEnd",
        "última actividad del plan (15 de diciembre de 2032, «Comités» del compromiso 2)");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().palStart()).isNull();

    engine.getTaskService().complete(taskId, TestVariables.schedulePal().putValue("palStart", "2032-06-30")
        .putValue("palEnd", "2033-06-30"));
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().palStart())
        .isEqualTo(Instant.parse("2032-06-30T06:00:00Z"));
  }

  /** The launch leaves a public record of the event: files attached in Tasklist, a file, or a link. */
  @Test
  void theLaunchRecordsEvidenceOfTheEvent() {
    var exercise = driver.startAtStep("tam", 5);
    driver.complete(exercise, "schedule-pal", TestVariables.schedulePal());
    Task launch = driver.task(exercise, "hold-public-launch");
    var noRecord = TestVariables.holdPublicLaunch().putValue("launchEvidenceUrl", null);
    assertRefused(() -> engine.getTaskService().complete(launch.getId(), noRecord), "launchEvidence",
        "la lista de asistencia del evento");
    assertRefused(() -> engine.getTaskService().complete(launch.getId(),
        TestVariables.holdPublicLaunch().putValue("launchEvidenceUrl", "ftp://video.mx/pal")), "launchEvidenceUrl",
        "no es un enlace web válido");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().launchDate()).isNull();

    engine.getTaskService().createAttachment("application/pdf", launch.getId(), launch.getProcessInstanceId(),
        "lista-de-asistencia.pdf", null, new ByteArrayInputStream(Http.pdf(2048)));
    engine.getTaskService().complete(launch.getId(), noRecord);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().launchDate()).isNotNull();
    Assertions.assertThat(evidence.list("tam", exercise.getId()))
        .anySatisfy(item -> Assertions.assertThat(item.name()).isEqualTo("lista-de-asistencia.pdf"))
        .allSatisfy(item -> Assertions.assertThat(item.step()).isNotEqualTo(0));
  }

  @Test
  void aLinkToTheRecordingIsPublishedAsEvidence() {
    var exercise = driver.startAtStep("yuc", 5);
    driver.launchPal(exercise);
    Assertions.assertThat(evidence.list("yuc", exercise.getId())).anySatisfy(item -> {
      Assertions.assertThat(item.url()).isEqualTo(TestVariables.LAUNCH_RECORDING);
      Assertions.assertThat(item.step()).isEqualTo(5);
    });
  }

  /**
   * The launch needs a date and a place, and leaves six months of implementation before the PAL ends, so INAI's
   * monitoring (launch + six months) always comes before the year-end evaluation (PAL 2032-02-01 to 2033-02-01).
   */
  @Test
  void theLaunchLeavesSixMonthsForTheMonitoringBeforeThePalEnds() {
    var exercise = driver.startAtStep("cam", 5);
    driver.complete(exercise, "schedule-pal", TestVariables.schedulePal());
    String taskId = driver.task(exercise, "hold-public-launch").getId();

    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.holdPublicLaunch().putValue("launchPlace", "")), "launchPlace", "obligatorio");
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.holdPublicLaunch().putValue("launchDate", "2033-03-01")), "launchDate",
        "al menos 6 meses de implementación antes del fin de la vigencia del PAL (1 de febrero de 2033)");
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.holdPublicLaunch().putValue("launchDate", "2032-08-02")), "launchDate",
        "a más tardar el 1 de agosto de 2032");
    assertThat(driver.step(exercise, PalLaunchProcess.KEY)).isWaitingAt(PalLaunchProcess.TASK_HOLD_PUBLIC_LAUNCH);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().launchDate()).isNull();

    // The working tables of ExerciseDriver were held on 10 and 11 March 2031: no launch before them.
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.holdPublicLaunch().putValue("launchDate", "2031-03-10")), "launchDate",
        "no puede ser anterior a la última mesa de trabajo (11 de marzo de 2031)");
    // The launch starts the implementation of a PAL in force: not before its validity starts (1 February 2032).
    assertRefused(() -> engine.getTaskService().complete(taskId,
        TestVariables.holdPublicLaunch().putValue("launchDate", "2032-01-31")), "launchDate",
        "no puede ser anterior al inicio de la vigencia del PAL (1 de febrero de 2032)");
    engine.getTaskService().complete(taskId, TestVariables.holdPublicLaunch().putValue("launchDate", "2032-08-01"));
    assertThat(exercise).isWaitingAt("step-6");
  }
}
