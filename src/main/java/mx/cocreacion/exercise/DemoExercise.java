package mx.cocreacion.exercise;

import java.time.ZonedDateTime;
import mx.cocreacion.completion.Dates;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode: on the first start (no exercise at all) an exercise of Oaxaca for the current year is
 * started, so that {@code oax-guarantor}, {@code oax-society} and {@code oax-government} find
 * their declaration to sign in Tasklist. {@code cocreacion.demo.seed-exercise=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = {"cocreacion.demo.enabled", "cocreacion.demo.seed-exercise"}, havingValue = "true")
class DemoExercise {

  private static final Logger LOG = LoggerFactory.getLogger(DemoExercise.class);
  static final String TENANT = "oax";

  private final RuntimeService runtime;

  DemoExercise(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(LocalExerciseProcess.KEY).count() > 0) {
      return;
    }
    int year = ZonedDateTime.now(Dates.MEXICO).getYear();
    runtime.startProcessInstanceByKey(LocalExerciseProcess.KEY, TENANT + "-" + year, Variables.createVariables()
        .putValue(ExerciseVariables.ENTITY, TENANT)
        .putValue(ExerciseVariables.EXERCISE_NAME, "Cocreación desde lo local, " + EntityCatalogue.nameOf(TENANT) + " " + year)
        .putValue(ExerciseVariables.GUARANTOR_BODY,
            "Órgano Garante de Acceso a la Información Pública, Transparencia, Protección de Datos Personales y Buen Gobierno del Estado de Oaxaca"));
    LOG.info("Modo demo: ejercicio {}-{} iniciado (paso 1, declaración conjunta)", TENANT, year);
  }
}
