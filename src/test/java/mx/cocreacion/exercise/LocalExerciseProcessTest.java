package mx.cocreacion.exercise;

import static mx.cocreacion.support.Refusals.assertRefused;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Year;
import java.util.List;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import mx.cocreacion.validation.Dates;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The main process: one exercise of one entidad, calling the six steps in order. */
class LocalExerciseProcessTest extends ProcessTestSupport {

  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired ExerciseRepository exercises;

  @AfterEach
  void clearAuthentication() {
    identity.clearAuthentication();
  }

  @Test
  void anExerciseWalksTheSixStepsAndEndsWhenThePalEnds() {
    ProcessInstance exercise = driver.start("oax");
    Assertions.assertThat(exercise.getTenantId()).isEqualTo("oax");
    assertThat(exercise).isStarted().isWaitingAt(LocalExerciseProcess.STEP_1);
    // The exercise is the root instance itself: no variable names it (docs/security.md).
    Assertions.assertThat(runtime.getVariable(exercise.getId(), "exerciseId")).isNull();

    driver.signDeclaration(exercise);
    assertThat(exercise).isWaitingAt(LocalExerciseProcess.STEP_2);
    driver.outreach(exercise);
    assertThat(exercise).isWaitingAt(LocalExerciseProcess.STEP_3);
    driver.integrateStl(exercise, "consensus");
    assertThat(exercise).isWaitingAt(LocalExerciseProcess.STEP_4);
    driver.holdWorkingTables(exercise);
    assertThat(exercise).isWaitingAt(LocalExerciseProcess.STEP_5);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().currentStep()).isEqualTo(5);
    driver.launchPal(exercise);
    assertThat(exercise).isWaitingAt(LocalExerciseProcess.STEP_6);

    // Every called instance carries the exercise's business key and tenant.
    List<ProcessInstance> called = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(exercise.getBusinessKey()).list();
    // local-exercise, follow-up and one commitment-implementation per approved commitment (2).
    Assertions.assertThat(called).hasSize(4).allSatisfy(pi -> Assertions.assertThat(pi.getTenantId()).isEqualTo("oax"));

    // INAI monitors; when the PAL ends it evaluates, and the exercise ends (step 6 in detail: FollowUpProcessTest).
    ProcessInstance followUp = driver.step(exercise, "follow-up");
    driver.monitor(exercise);
    driver.endPal(exercise);
    driver.complete(exercise, "evaluate-performance", Variables.createVariables().putValueTyped("evaluation",
        TestVariables.json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major"},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal"}]""")));
    assertThat(followUp).isEnded();
    assertThat(exercise).hasPassed(LocalExerciseProcess.STEP_6).isEnded();
    Exercise closed = exercises.findById(exercise.getId()).orElseThrow();
    Assertions.assertThat(closed.endedAt()).isNotNull();
    Assertions.assertThat(exercises.isKeyActive(exercise.getBusinessKey())).isFalse();
  }

  @Test
  void theBusinessKeyDefaultsToTenantAndYearAndIsUniqueWhileRunning() {
    ProcessInstance first = runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, TestVariables.start("zac"));
    Assertions.assertThat(first.getBusinessKey()).matches("zac-20\\d\\d");

    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, first.getBusinessKey(),
        TestVariables.start("zac")), "businessKey", "ya hay un ejercicio en curso");
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, "zac-2026-bis",
        TestVariables.start("zac")), "businessKey", "<entidad>-<año>");

    runtime.deleteProcessInstance(first.getId(), "Prueba: ejercicio cancelado");
    ProcessInstance again = runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, first.getBusinessKey(),
        TestVariables.start("zac"));
    assertThat(again).isWaitingAt(LocalExerciseProcess.STEP_1);
    runtime.deleteProcessInstance(again.getId(), "Prueba: limpieza");
  }

  @Test
  void startVariablesAreChecked() {
    String key = ExerciseDriver.newBusinessKey("oax");
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, key,
        TestVariables.start("xyz")), "entity", "no es una entidad federativa");
    VariableMap noName = TestVariables.start("oax");
    noName.remove(ExerciseVariables.EXERCISE_NAME);
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, key, noName),
        "exerciseName", "obligatorio");
    Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();
    Assertions.assertThat(exercises.isKeyActive(key)).isFalse();
  }

  @Test
  void aGuarantorStartsOnlyForTheirOwnEntidad() {
    identity.setAuthentication("oax-guarantor", List.of("guarantor"), List.of("oax"));
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, ExerciseDriver.newBusinessKey("jal"),
        TestVariables.start("jal")), "entity", "solo puede iniciar ejercicios de su propia entidad");

    ProcessInstance own = runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY,
        ExerciseDriver.newBusinessKey("oax"), TestVariables.start("oax"));
    Assertions.assertThat(own.getTenantId()).isEqualTo("oax");
    Assertions.assertThat(exercises.findById(own.getId()).orElseThrow().startedBy()).isEqualTo("oax-guarantor");
  }

  @Test
  void anEmptyEntityIsPresetToTheStartersOnlyEntidad() {
    identity.setAuthentication("jal-guarantor", List.of("guarantor"), List.of("jal"));
    VariableMap withoutEntity = TestVariables.start("jal");
    withoutEntity.remove(ExerciseVariables.ENTITY);
    ProcessInstance started = runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY,
        ExerciseDriver.newBusinessKey("jal"), withoutEntity);
    Assertions.assertThat(started.getTenantId()).isEqualTo("jal");
    identity.clearAuthentication();
    Assertions.assertThat(runtime.getVariable(started.getId(), ExerciseVariables.ENTITY)).isEqualTo("jal");

    identity.setAuthentication("inai-monitor", List.of("inai"));
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY,
        ExerciseDriver.newBusinessKey("jal"), withoutEntity), "entity", "obligatorio");
  }

  @Test
  void theYearOfTheStartFormNamesTheExerciseAndIsChecked() {
    int nextYear = Year.now(Dates.MEXICO).getValue() + 1;
    VariableMap withYear = TestVariables.start("son");
    withYear.putValue(ExerciseVariables.YEAR, nextYear); // a number, as the form's number field sends it
    ProcessInstance started = runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, withYear);
    Assertions.assertThat(started.getBusinessKey()).isEqualTo("son-" + nextYear);
    Assertions.assertThat(exercises.findById(started.getId()).orElseThrow().year()).isEqualTo(nextYear);
    runtime.deleteProcessInstance(started.getId(), "Prueba: limpieza");

    VariableMap tooLate = TestVariables.start("son");
    tooLate.putValue(ExerciseVariables.YEAR, nextYear + 1);
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, tooLate), "year",
        "debe estar entre 2015 y " + nextYear);
    VariableMap notAYear = TestVariables.start("son");
    notAYear.putValue(ExerciseVariables.YEAR, "20x7");
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, notAYear), "year",
        "debe ser un año de cuatro cifras");
    VariableMap otherYear = TestVariables.start("son");
    otherYear.putValue(ExerciseVariables.YEAR, String.valueOf(nextYear - 1));
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, "son-" + nextYear, otherYear),
        "year", "debe ser el año de la clave son-" + nextYear);
    VariableMap jsonYear = TestVariables.start("son");
    jsonYear.putValueTyped(ExerciseVariables.YEAR, Variables.objectValue(List.of(nextYear)).create());
    assertRefused(() -> runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, jsonYear), "year",
        "debe ser un año de cuatro cifras");
    Assertions.assertThat(runtime.createProcessInstanceQuery().tenantIdIn("son").count()).isZero();
  }
}
