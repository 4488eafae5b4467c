package mx.cocreacion.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new version of {@code local-exercise} while exercises of the current one are running (docs/operations.md
 * "New versions of the processes"): running instances stay on the version they started with, new
 * ones start on the new version, and the migration plan of docs/operations.md moves the running ones over,
 * call activities and their step processes included.
 *
 * <p>The second version is the deployed BPMN with one visible change (the name of step 1), deployed
 * like the application deploys (no tenant: shared definitions). It is removed after the test so the
 * other tests keep running on the application's own version.
 */
class ProcessVersioningTest extends ProcessTestSupport {

  static final String RENAMED_STEP = "Paso 1: arrancar el ejercicio y firmar la declaración";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  private String secondDeployment;

  @AfterEach
  void removeSecondVersion() {
    if (secondDeployment != null) {
      repository.deleteDeployment(secondDeployment, true);
    }
  }

  @Test
  void runningExercisesStayOnTheirVersionUntilTheMigrationPlanMovesThem() throws IOException {
    ProcessDefinition first = latest();
    ProcessInstance inStep1 = driver.start("oax");
    ProcessInstance inStep2 = driver.start("jal");
    driver.signDeclaration(inStep2);
    assertThat(driver.step(inStep2, "outreach")).as("second exercise in step 2").isNotNull();

    ProcessDefinition second = deploySecondVersion();
    assertThat(second.getVersion()).isEqualTo(first.getVersion() + 1);
    assertThat(second.getTenantId()).as("shared definition, like the application's").isNull();

    // Running instances continue on the version they started with; new ones get the new version.
    assertThat(definitionOf(inStep1)).isEqualTo(first.getId());
    assertThat(definitionOf(inStep2)).isEqualTo(first.getId());
    ProcessInstance fresh = driver.start("cam");
    assertThat(fresh.getProcessDefinitionId()).isEqualTo(second.getId());
    assertThat(fresh.getTenantId()).isEqualTo("cam");
    driver.signDeclaration(inStep1);
    assertThat(definitionOf(inStep1)).as("moving on keeps the version").isEqualTo(first.getId());
    assertThat(driver.step(inStep1, "outreach")).isNotNull();

    // The migration plan of docs/operations.md: same activity ids. (It moves every running instance of
    // the old version; here only this test's, the shared test engine has other tests' exercises.)
    MigrationPlan plan = runtime.createMigrationPlan(first.getId(), second.getId()).mapEqualActivities().build();
    assertThat(plan.getInstructions()).extracting(i -> i.getSourceActivityId())
        .contains("step-1", "step-2", "step-3", "step-4", "step-5", "step-6");
    runtime.newMigration(plan).processInstanceIds(inStep1.getId(), inStep2.getId()).execute();

    for (ProcessInstance migrated : List.of(inStep1, inStep2)) {
      assertThat(definitionOf(migrated)).isEqualTo(second.getId());
      assertThat(runtime.getActiveActivityIds(migrated.getId())).containsExactly("step-2");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(migrated.getId()).singleResult().getTenantId())
          .isEqualTo(migrated.getTenantId());
    }
    // The step processes they called keep running, and the exercise goes on in its new version.
    driver.outreach(inStep1);
    assertThat(runtime.getActiveActivityIds(inStep1.getId())).containsExactly("step-3");
    assertThat(driver.step(inStep1, "stl-integration")).isNotNull();
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(LocalExerciseProcess.KEY)
        .withoutTenantId().latestVersion().singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getProcessDefinitionId();
  }

  private ProcessDefinition deploySecondVersion() throws IOException {
    String bpmn;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/local-exercise.bpmn")) {
      bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = bpmn.replace("name=\"Paso 1: arrancar el ejercicio\"", "name=\"" + RENAMED_STEP + "\"");
    assertThat(changed).as("the step to rename is in the model").isNotEqualTo(bpmn);
    secondDeployment = repository.createDeployment().name("local-exercise v2 (prueba)")
        .addString("local-exercise.bpmn", changed).deploy().getId();
    ProcessDefinition second = latest();
    assertThat(second.getDeploymentId()).isEqualTo(secondDeployment);
    return second;
  }
}
