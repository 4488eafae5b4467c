package mx.cocreacion.declaration;

import static mx.cocreacion.support.Refusals.assertRefused;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Step 1: the three sectors sign the joint Declaration ({@code declaration}). */
class DeclarationProcessTest extends ProcessTestSupport {

  @Autowired RecordRepository records;
  @Autowired ExerciseRepository exercises;

  @Test
  void eachSectorSignsItsOwnTaskThenTheExerciseMovesToOutreach() {
    var exercise = driver.start("oax");
    assertThat(exercise).isWaitingAt("step-1");
    var declaration = driver.step(exercise, DeclarationProcess.KEY);
    assertThat(declaration).isWaitingAt(DeclarationProcess.TASK_SIGN_DECLARATION);
    Assertions.assertThat(declaration.getTenantId()).isEqualTo("oax");

    List<Task> signatures = driver.tasks(exercise, DeclarationProcess.TASK_SIGN_DECLARATION);
    Assertions.assertThat(signatures).hasSize(3).allSatisfy(task -> {
      Assertions.assertThat(task.getDueDate()).isNotNull();
      Assertions.assertThat(task.getTenantId()).isEqualTo("oax");
    });
    Assertions.assertThat(signatures.stream().map(this::candidateGroup))
        .containsExactlyInAnyOrder("guarantor", "society", "government");
    Assertions.assertThat(signatures).as("each task names its sector, to tell them apart in Tasklist")
        .extracting(Task::getName).containsExactlyInAnyOrder("Firmar declaración conjunta: Organismo garante",
            "Firmar declaración conjunta: Sociedad civil", "Firmar declaración conjunta: Autoridad");

    engine.getTaskService().complete(signatures.get(0).getId(), TestVariables.signDeclaration("Ana"));
    engine.getTaskService().complete(signatures.get(1).getId(), TestVariables.signDeclaration("Beto"));
    assertThat(declaration).isWaitingAt(DeclarationProcess.TASK_SIGN_DECLARATION);
    engine.getTaskService().complete(signatures.get(2).getId(), TestVariables.signDeclaration("Carla"));

    assertThat(declaration).hasPassed(DeclarationProcess.TASK_RECORD_DECLARATION).isEnded();
    assertThat(exercise).isWaitingAt("step-2");
    String exerciseId = exercise.getId();
    Assertions.assertThat(records.payloads(exerciseId, DeclarationProcess.RECORD_SIGNATURE)).hasSize(3)
        .anySatisfy(p -> Assertions.assertThat(p).contains("\"signatoryName\":\"Carla\""));
    Assertions.assertThat(records.payloads(exerciseId, DeclarationProcess.RECORD_DECLARATION)).hasSize(1);
  }

  /**
   * What a sector signs stays with its task: stored as the task's own variables (their history names the task),
   * never on the declaration's instance, where the other sectors' tasks would see it and write the same variable.
   */
  @Test
  void aSignaturesFieldsStayWithItsTaskAndNeverReachTheInstance() {
    var exercise = driver.start("cam");
    var declaration = driver.step(exercise, DeclarationProcess.KEY);
    List<Task> signatures = driver.tasks(exercise, DeclarationProcess.TASK_SIGN_DECLARATION);

    engine.getTaskService().complete(signatures.get(0).getId(),
        TestVariables.signDeclaration("Ana").putValue("signatoryPosition", "Comisionada presidenta"));
    // The Java API with a plain map (Camunda keeps it as given): the same.
    engine.getTaskService().complete(signatures.get(1).getId(),
        Map.of("signatoryName", "Beto", "signed", true, "signatoryPosition", "Director de enlace"));

    Assertions.assertThat(engine.getRuntimeService().getVariables(declaration.getId()))
        .doesNotContainKeys("signatoryName", "signatoryPosition", "signed", "signedOn");
    Assertions.assertThat(engine.getTaskService().getVariables(signatures.get(2).getId()))
        .doesNotContainKeys("signatoryName", "signatoryPosition", "signed", "signedOn");
    List<HistoricVariableInstance> positions = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(declaration.getId()).variableName("signatoryPosition").list();
    Assertions.assertThat(positions).extracting(HistoricVariableInstance::getTaskId, HistoricVariableInstance::getValue)
        .containsExactlyInAnyOrder(Tuple.tuple(signatures.get(0).getId(), "Comisionada presidenta"),
            Tuple.tuple(signatures.get(1).getId(), "Director de enlace"));
    Assertions.assertThat(records.payloads(exercise.getId(), DeclarationProcess.RECORD_SIGNATURE))
        .anySatisfy(p -> Assertions.assertThat(p).contains("\"signatoryName\":\"Beto\"",
            "\"signatoryPosition\":\"Director de enlace\""));

    engine.getTaskService().complete(signatures.get(2).getId(), TestVariables.signDeclaration("Carla"));
    assertThat(declaration).isEnded();
    engine.getRuntimeService().deleteProcessInstance(exercise.getId(), "prueba terminada");
  }

  @Test
  void aSignatureWithoutNameIsRefusedAndTheTaskStaysOpen() {
    var exercise = driver.start("jal");
    Task task = driver.tasks(exercise, DeclarationProcess.TASK_SIGN_DECLARATION).get(0);

    assertRefused(() -> engine.getTaskService().complete(task.getId(),
        Variables.createVariables().putValue("signatoryName", "  ").putValue("signed", true)),
        "signatoryName", "obligatorio");

    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    Assertions.assertThat(engine.getRuntimeService().getVariable(task.getExecutionId(), "signatoryName")).isNull();
    Assertions.assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().taskIdIn(task.getId())
        .count()).as("nothing of the refused completion is stored, not even on the task").isZero();
    Assertions.assertThat(records.payloads(exercise.getId(), DeclarationProcess.RECORD_SIGNATURE)).isEmpty();
  }

  @Test
  void aDeclarationThatIsNotSignedIsRefused() {
    var exercise = driver.start("cam");
    Task task = driver.tasks(exercise, DeclarationProcess.TASK_SIGN_DECLARATION).get(0);

    assertRefused(() -> engine.getTaskService().complete(task.getId(),
        Variables.createVariables().putValue("signatoryName", "Ana").putValue("signed", false)),
        "signed", "debe ser verdadero");
    assertRefused(() -> engine.getTaskService().complete(task.getId(),
        Variables.createVariables().putValue("signatoryName", "Ana")),
        "signed", "obligatorio");
    assertThat(driver.step(exercise, DeclarationProcess.KEY)).isWaitingAt(DeclarationProcess.TASK_SIGN_DECLARATION);
  }

  /**
   * The record keeps the days things happened: each signature its own, the declaration the day of the last one
   * (not when the tasks were completed); a day after today is refused, and the STL cannot meet before it.
   */
  @Test
  void theDeclarationIsSignedOnTheDayOfItsLastSignatureAndTheStlMeetsAfterIt() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T18:00:00Z")));
    try {
      var exercise = driver.start("yuc");
      List<Task> signatures = driver.tasks(exercise, DeclarationProcess.TASK_SIGN_DECLARATION);
      assertRefused(() -> engine.getTaskService().complete(signatures.get(0).getId(),
          TestVariables.signDeclaration("Ana").putValue("signedOn", "2026-03-11")),
          "signedOn", "no puede ser posterior a hoy (10 de marzo de 2026)");
      engine.getTaskService().complete(signatures.get(0).getId(),
          TestVariables.signDeclaration("Ana").putValue("signedOn", "2026-02-20")
              .putValue("signatoryPosition", "Comisionada presidenta del órgano garante"));
      engine.getTaskService().complete(signatures.get(1).getId(),
          TestVariables.signDeclaration("Beto").putValue("signedOn", "2026-02-23"));
      engine.getTaskService().complete(signatures.get(2).getId(),
          Variables.createVariables().putValue("signatoryName", "Carla").putValue("signed", true)); // today

      Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().declarationDate())
          .isEqualTo(Instant.parse("2026-03-10T06:00:00Z"));
      Assertions.assertThat(records.payloads(exercise.getId(), DeclarationProcess.RECORD_SIGNATURE))
          .anySatisfy(p -> Assertions.assertThat(p).contains("\"signatoryName\":\"Ana\"",
              "\"signatoryPosition\":\"Comisionada presidenta del órgano garante\"", "\"signedAt\":\"2026-02-20\""));

      driver.outreach(exercise);
      String meeting = driver.task(exercise, "convene-stl-meeting").getId();
      assertRefused(() -> engine.getTaskService().complete(meeting, TestVariables.conveneStlMeeting()
          .putValue("meetingDate", "2026-03-09")), "meetingDate",
          "no puede ser anterior a la firma de la declaración conjunta (10 de marzo de 2026)");
      engine.getTaskService().complete(meeting, TestVariables.conveneStlMeeting().putValue("meetingDate", "2026-03-10"));
    } finally {
      ClockUtil.reset();
    }
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .findFirst().orElseThrow();
  }
}
