package mx.cocreacion.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the process tests: the shared engine, bound to camunda-bpm-assert, and an exercise driver. */
@CocreacionTest
public abstract class ProcessTestSupport {

  @Autowired protected ProcessEngine engine;
  protected ExerciseDriver driver;

  @BeforeEach
  void bindEngine() {
    BpmnAwareTests.init(engine);
    driver = new ExerciseDriver(engine);
  }
}
