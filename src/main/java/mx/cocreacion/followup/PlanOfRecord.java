package mx.cocreacion.followup;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bean {@code planOfRecord}: the approved commitments of an exercise, the collection of the
 * commitment-implementation multi-instance ({@code ${planOfRecord.positions(exerciseId)}}).
 */
@Component("planOfRecord")
public class PlanOfRecord {

  private final JdbcClient jdbc;

  public PlanOfRecord(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Integer> positions(String exerciseId) {
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
}
