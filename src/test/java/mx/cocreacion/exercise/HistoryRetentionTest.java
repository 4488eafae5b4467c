package mx.cocreacion.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The history retention policy (docs/operations.md "History retention"): every process keeps its history 1825 days (5
 * years) after its exercise ends, the cleanup runs in a nightly window, and it removes only Camunda's
 * history of what expired; the plan of record ({@code cc_*}) stays.
 *
 * <p>The engine clock is moved to the year 2000 so only this test's exercises are old enough: the
 * cleanup deletes by removal time, and everything else in the shared test database expires decades later.
 */
class HistoryRetentionTest extends ProcessTestSupport {

  static final int RETENTION_DAYS = 1825;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyProcessKeepsItsHistoryFiveYearsAndTheCleanupRunsAtNight() {
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(RETENTION_DAYS);
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00-0600");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00-0600");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
  }

  @Test
  void cleanupRemovesTheHistoryOfExercisesEndedMoreThanFiveYearsAgoAndKeepsTheRest() {
    ProcessInstance expired = endedExerciseAt(Instant.parse("2000-01-10T12:00:00Z"), "oax");
    ProcessInstance recent = endedExerciseAt(Instant.parse("2004-06-01T12:00:00Z"), "jal");
    assertThat(historicInstances(expired)).as("exercise and its step process").isEqualTo(2);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(expired.getBusinessKey()).count())
        .isEqualTo(3);

    // 2006: the first exercise ended 6 years ago (beyond 1825 days), the second 1.6 years ago.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2006-01-01T05:00:00Z")));
    Job cleanup = history.cleanUpHistoryAsync(true);
    management.executeJob(cleanup.getId());

    assertThat(historicInstances(expired)).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(expired.getBusinessKey()).count())
        .isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(expired.getId()).count()).isZero();
    assertThat(historicInstances(recent)).isEqualTo(2);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(recent.getId()).count()).isPositive();
    // The plan of record is not history: the expired exercise is still public evidence.
    assertThat(jdbc.sql("select count(*) from cc_exercise where id = :id").param("id", expired.getId())
        .query(Integer.class).single()).isEqualTo(1);
  }

  /** An exercise that starts and ends (cancelled in step 1) at {@code when} on the engine clock. */
  private ProcessInstance endedExerciseAt(Instant when, String tenant) {
    ClockUtil.setCurrentTime(Date.from(when));
    ProcessInstance exercise = driver.start(tenant);
    runtime.deleteProcessInstance(exercise.getId(), "prueba de retención del historial");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(exercise.getId()).singleResult()
        .getRemovalTime()).isNotNull();
    return exercise;
  }

  private long historicInstances(ProcessInstance exercise) {
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(exercise.getBusinessKey()).count();
  }
}
