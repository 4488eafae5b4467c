package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.VAR_COMMITMENT_POSITION;

import java.util.List;
import java.util.Optional;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.PlanReads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bean {@code planOfRecord}: the approved commitments of an exercise, the collection of the
 * commitment-implementation multi-instance ({@code ${planOfRecord.positions(execution)}}), and which
 * commitment each commitment-implementation instance implements.
 */
@Component("planOfRecord")
public class PlanOfRecord {

  private final JdbcClient jdbc;
  private final PlanReads reads;

  public PlanOfRecord(JdbcClient jdbc, PlanReads reads) {
    this.jdbc = jdbc;
    this.reads = reads;
  }

  /** The positions of the approved commitments of the execution's exercise. */
  public List<Integer> positions(DelegateExecution execution) {
    return positionsOf(ExerciseScope.exerciseId(execution));
  }

  /** The positions of the approved commitments of the exercise. */
  public List<Integer> positionsOf(String exerciseId) {
    List<Integer> positions = jdbc.sql(
            "select position from cc_commitment where exercise_id = :e and approved = true order by position")
        .param("e", exerciseId)
        .query(Integer.class)
        .list();
    if (positions.isEmpty()) {
      throw new IllegalStateException("El ejercicio " + exerciseId + " no tiene compromisos aprobados");
    }
    return positions;
  }

  /**
   * The commitment (1-based position) that a commitment-implementation instance implements, from the plan
   * of record ({@code cc_commitment.implementation_id}), never from its variables. The first time it is
   * asked (when the instance's first report task is created, in the transaction that starts it) the
   * binding is written from the multi-instance element of follow-up that called the instance.
   */
  public int commitmentOf(DelegateExecution execution) {
    // Once bound, never changed: asked once per transaction (PlanReads).
    return reads.once("implementation:" + execution.getProcessInstanceId(), () -> bind(execution));
  }

  private int bind(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    Optional<Integer> bound = jdbc.sql("select position from cc_commitment where implementation_id = :i")
        .param("i", instanceId).query(Integer.class).optional();
    if (bound.isPresent()) {
      return bound.get();
    }
    int position = calledFor(execution);
    int updated = jdbc.sql("""
            update cc_commitment set implementation_id = :i
            where exercise_id = :e and position = :p and approved = true and implementation_id is null""")
        .param("i", instanceId).param("e", ExerciseScope.exerciseId(execution)).param("p", position).update();
    if (updated != 1) {
      throw new IllegalStateException("El compromiso " + position + " ya tiene su implementación o no está aprobado ("
          + instanceId + ")");
    }
    return position;
  }

  /** The element of follow-up's multi-instance that started this instance (the engine's structure). */
  private static int calledFor(DelegateExecution execution) {
    ExecutionEntity instance = ((ExecutionEntity) execution).getProcessInstance();
    ExecutionEntity caller = instance == null ? null : instance.getSuperExecution();
    Object element = caller == null ? null : caller.getVariable(VAR_COMMITMENT_POSITION);
    if (!(element instanceof Number position)) {
      throw new IllegalStateException("La instancia " + execution.getProcessInstanceId()
          + " no fue iniciada por el seguimiento de un compromiso");
    }
    return position.intValue();
  }
}
