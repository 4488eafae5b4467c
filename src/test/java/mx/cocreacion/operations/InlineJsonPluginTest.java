package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A short Json variable lives in its row's text column, with its history and the history's details; a long one
 * in a byte array, as Camunda keeps it; the value read back is the same either way, and a variable that grows or
 * shrinks leaves no byte array behind.
 */
@CocreacionTest
class InlineJsonPluginTest {

  private static final String SHORT = "{\"compromiso\":1,\"avance\":\"█████░░░░░ 50 %\",\"actividades\":[\"Foro\",\"Portal\"]}";
  private static final String LONG = "{\"texto\":\"" + "Mesa de trabajo con sociedad civil. ".repeat(130) + "\"}";

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private ProcessInstance exercise;

  @BeforeEach
  void start() {
    exercise = new ExerciseDriver(engine).start("cam");
  }

  @AfterEach
  void remove() {
    engine.getRuntimeService().deleteProcessInstance(exercise.getId(), "prueba terminada");
  }

  @Test
  void aShortJsonIsKeptInItsRowAndItsHistoryWithoutAByteArray() {
    engine.getRuntimeService().setVariable(exercise.getId(), "resumen", SpinValues.jsonValue(SHORT).create());

    assertThat(runtimeRow("resumen")).containsEntry("type_", "json").containsEntry("text_", SHORT)
        .containsEntry("bytearray_id_", null);
    assertThat(historyRow("resumen")).containsEntry("text_", SHORT).containsEntry("bytearray_id_", null);
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and NAME_ = ?"
        + " and BYTEARRAY_ID_ is null and TEXT_ = ?", Integer.class, exercise.getId(), "resumen", SHORT)).isEqualTo(1);
    assertThat(read("resumen")).isEqualTo(SHORT);
    assertThat(historic("resumen")).isEqualTo(SHORT);
  }

  @Test
  void aLongJsonIsKeptInAByteArrayAndReadTheSame() {
    assertThat(LONG.getBytes(StandardCharsets.UTF_8).length)
        .isGreaterThan(InlineJsonPlugin.InlineJsonValueSerializer.INLINE_BYTES);
    engine.getRuntimeService().setVariable(exercise.getId(), "acta", SpinValues.jsonValue(LONG).create());

    assertThat(runtimeRow("acta")).containsEntry("text_", null);
    assertThat(runtimeRow("acta").get("bytearray_id_")).isNotNull();
    assertThat(read("acta")).isEqualTo(LONG);
    assertThat(historic("acta")).isEqualTo(LONG);
  }

  @Test
  void aJsonThatGrowsAndShrinksLeavesNoByteArrayBehind() {
    var runtime = engine.getRuntimeService();
    runtime.setVariable(exercise.getId(), "lista", SpinValues.jsonValue(SHORT).create());
    runtime.setVariable(exercise.getId(), "lista", SpinValues.jsonValue(LONG).create());
    String bytes = (String) runtimeRow("lista").get("bytearray_id_");
    assertThat(bytes).isNotNull();
    assertThat(read("lista")).isEqualTo(LONG);

    runtime.setVariable(exercise.getId(), "lista", SpinValues.jsonValue(SHORT).create());
    assertThat(runtimeRow("lista")).containsEntry("text_", SHORT).containsEntry("bytearray_id_", null);
    assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where ID_ = ?", Integer.class, bytes))
        .as("the long value's byte array is deleted").isZero();
    assertThat(read("lista")).isEqualTo(SHORT);
    List<String> changes = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(exercise.getId())
        .variableUpdates().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricVariableUpdate.class::cast).filter(d -> "lista".equals(d.getVariableName()))
        .map(d -> ((SpinJsonNode) d.getValue()).toString()).toList();
    assertThat(changes).as("each change in the history, short and long").containsExactly(SHORT, LONG, SHORT);
  }

  private Map<String, Object> runtimeRow(String name) {
    return lower(jdbc.queryForMap("select TYPE_, TEXT_, BYTEARRAY_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ?"
        + " and NAME_ = ?", exercise.getId(), name));
  }

  private Map<String, Object> historyRow(String name) {
    return lower(jdbc.queryForMap("select TEXT_, BYTEARRAY_ID_ from ACT_HI_VARINST where PROC_INST_ID_ = ?"
        + " and NAME_ = ?", exercise.getId(), name));
  }

  private static Map<String, Object> lower(Map<String, Object> row) {
    Map<String, Object> lower = new HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }

  private String read(String name) {
    return ((SpinJsonNode) engine.getRuntimeService().getVariable(exercise.getId(), name)).toString();
  }

  private String historic(String name) {
    return ((SpinJsonNode) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(exercise.getId()).variableName(name).singleResult().getValue()).toString();
  }
}
