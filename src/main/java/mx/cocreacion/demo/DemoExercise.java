package mx.cocreacion.demo;

import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode, first start: the demo exercises of {@link DemoExercises} for each demo entidad that
 * has no exercise yet (so a restart, or an entidad that already started its own, is left alone):
 * Oaxaca at step 1 ({@code oax-guarantor}, {@code oax-society} and {@code oax-government} find
 * their declaration to sign in Tasklist), Jalisco in step 6 with progress and evidence, Campeche
 * finished the year before with its evaluation. {@code cocreacion.demo.seed-exercise=false} turns it
 * off; never with a production profile.
 *
 * <p>It runs before the job executor is started (highest precedence among the listeners of the
 * ready event; the starter starts the executor on the same event), and pauses the executor if it
 * is already running, so that the step 6 timers the seeding fires itself are not raced by it.
 */
@Component
@Profile(DemoExercises.NOT_IN_PRODUCTION)
@ConditionalOnProperty(name = {"cocreacion.demo.enabled", "cocreacion.demo.seed-exercise"}, havingValue = "true")
class DemoExercise {

  private static final Logger LOG = LoggerFactory.getLogger(DemoExercise.class);

  private final DemoExercises demo;
  private final ProcessEngine engine;

  DemoExercise(DemoExercises demo, ProcessEngine engine) {
    this.demo = demo;
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  void seed() {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(Dates.MEXICO).getYear();
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    boolean pause = jobExecutor != null && jobExecutor.isActive();
    if (pause) {
      jobExecutor.shutdown();
    }
    long started = System.nanoTime();
    try {
      if (hasNoExercise("oax")) {
        demo.startOaxaca(year);
        LOG.info("Modo demo: ejercicio oax-{} iniciado (paso 1, declaración conjunta)", year);
      }
      if (hasNoExercise("jal")) {
        demo.seedJalisco(year);
      }
      if (hasNoExercise("cam")) {
        demo.seedCampeche(year - 1);
      }
    } catch (RuntimeException e) {
      // The platform stays usable without its demo data; the cause is in the log.
      LOG.error("Modo demo: no se pudieron crear los ejercicios de demostración", e);
    } finally {
      if (pause) {
        jobExecutor.start();
      }
    }
    LOG.info("Modo demo: datos de demostración revisados en {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private boolean hasNoExercise(String tenant) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(LocalExerciseProcess.KEY)
        .tenantIdIn(tenant).count() == 0;
  }
}
