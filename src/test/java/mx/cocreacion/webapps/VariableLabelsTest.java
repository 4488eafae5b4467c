package mx.cocreacion.webapps;

import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every variable a whole exercise leaves behind (six steps, progress reports, the INAI's monitoring and
 * evaluation) has words in {@link VariableLabels}, so Cockpit never shows the INAI a bare key.
 */
@CocreacionTest
class VariableLabelsTest {

  @Autowired ProcessEngine engine;
  @Autowired VariableLabels labels;

  @Test
  void everyVariableOfAWholeExerciseHasWords() {
    ExerciseDriver driver = new ExerciseDriver(engine);
    // A PAL of two years: the yearly evaluation and the self-assessments have their variables too.
    ProcessInstance exercise = driver.startWithPal("que", "2032-02-01", "2034-02-01", "2032-02-01");
    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"done\"}]",
        "https://transparencia.queretaro.gob.mx/avance");
    driver.reportProgress(exercise, 2, "[{\"activity\":1,\"status\":\"in-progress\"}]", null);
    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    fire(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH);
    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative","notes":""},
             {"commitment":2,"verifiable":true,"relevant":true,"potentialImpact":"moderate","notes":""}]""")));
    driver.evaluateYear(exercise);
    fire(followUp, FollowUpProcess.EVENT_PAL_ENDED);
    driver.selfAssess(exercise);
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE, Variables.createVariables()
        .putValueTyped("evaluation", json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major","notes":""},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal","notes":""}]""")));

    List<String> instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(exercise.getId()).list().stream().map(HistoricProcessInstance::getId).toList();
    Set<String> names = new TreeSet<>();
    for (String instance : instances) {
      engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
          .map(HistoricVariableInstance::getName).forEach(names::add);
    }
    assertThat(names).as("the exercise's variables").contains("entity", "decisionRule", "monitoring", "evaluation",
        "activityProgress", "palEnd", "achievements", "yearEvaluation");
    assertThat(names).as("what the forms show is computed when read, never stored")
        .doesNotContain("followUpSummary", "evaluationRound", "commitmentSummary");
    assertThat(names.stream().filter(name -> labels.variable(name) == null))
        .as("variables Cockpit would show by their key").isEmpty();
  }

  private void fire(ProcessInstance instance, String timer) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(timer).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }
}
