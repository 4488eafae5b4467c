package mx.cocreacion.outreach;

import static mx.cocreacion.support.Refusals.assertRefused;
import static mx.cocreacion.support.TestVariables.json;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Step 2: the organismo garante brings local actors of the three sectors in ({@code outreach}). */
class OutreachProcessTest extends ProcessTestSupport {

  @Autowired RecordRepository records;

  @Test
  void outreachWithActorsOfEverySectorLeadsToTheStl() {
    var exercise = driver.startAtStep("oax", 2);
    var outreach = driver.step(exercise, OutreachProcess.KEY);
    assertThat(outreach).isWaitingAt(OutreachProcess.TASK_CONDUCT_OUTREACH);
    Assertions.assertThat(driver.task(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH).getDueDate()).isNotNull();

    driver.complete(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH, TestVariables.conductOutreach());

    assertThat(outreach).isEnded();
    assertThat(exercise).isWaitingAt("step-3");
    Assertions.assertThat(records.payloads(exercise.getId(), OutreachProcess.RECORD_OUTREACH)).singleElement()
        .satisfies(p -> Assertions.assertThat(p).contains("Colectivo Abierto"));
  }

  @Test
  void actorsMustCoverTheThreeSectors() {
    var exercise = driver.startAtStep("jal", 2);
    var task = driver.task(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH);
    var onlySociety = TestVariables.conductOutreach()
        .putValueTyped("actors", json("[{\"name\":\"OSC\",\"organization\":\"OSC\",\"sector\":\"society\",\"email\":\"\"}]"));

    assertRefused(() -> engine.getTaskService().complete(task.getId(), onlySociety),
        "actors", "falta: Organismo garante, Autoridad");
    assertThat(driver.step(exercise, OutreachProcess.KEY)).isWaitingAt(OutreachProcess.TASK_CONDUCT_OUTREACH);
    Assertions.assertThat(records.payloads(exercise.getId(), OutreachProcess.RECORD_OUTREACH)).isEmpty();
  }

  @Test
  void sessionsActorsAndTheirFieldsAreChecked() {
    var exercise = driver.startAtStep("cam", 2);
    var task = driver.task(exercise, OutreachProcess.TASK_CONDUCT_OUTREACH);

    assertRefused(() -> engine.getTaskService().complete(task.getId(), TestVariables.conductOutreach()
        .putValueTyped("outreachSessions", json("[]"))), "outreachSessions", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(task.getId(), TestVariables.conductOutreach()
        .putValueTyped("outreachSessions", json("[{\"date\":\"mañana\",\"place\":\"Sede\",\"attendees\":3}]"))),
        "outreachSessions[1].date", "no es una fecha válida");
    assertRefused(() -> engine.getTaskService().complete(task.getId(), TestVariables.conductOutreach()
        .putValueTyped("actors", json("""
            [{"name":"A","sector":"guarantor","email":"no-es-correo"},{"name":"B","sector":"society"},
             {"name":"C","sector":"ciudadania"}]"""))),
        "actors[1].email", "no es un correo electrónico válido");
    assertRefused(() -> engine.getTaskService().complete(task.getId(), Variables.createVariables()
        .putValueTyped("outreachSessions", json("[{\"date\":\"2031-01-10\",\"place\":\"Sede\",\"attendees\":30}]"))),
        "actors", "obligatorio");
  }
}
