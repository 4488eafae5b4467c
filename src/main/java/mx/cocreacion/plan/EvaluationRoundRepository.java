package mx.cocreacion.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * INAI's evaluation rounds of a PAL and the STL's self-assessment before each ({@code cc_evaluation_round},
 * {@code cc_round_assessment}): the yearly rounds first (1, 2 ...), then the final one.
 */
@Repository
public class EvaluationRoundRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;

  public EvaluationRoundRepository(JdbcClient jdbc, PlanEvents plan) {
    this.jdbc = jdbc;
    this.plan = plan;
  }

  /** How many yearly evaluations INAI has completed: the next round is this + 1. */
  public int yearsEvaluated(String exerciseId) {
    return jdbc.sql("""
            select count(*) from cc_evaluation_round
            where exercise_id = :e and final_round = false and evaluated_at is not null""")
        .param("e", exerciseId).query(Integer.class).single();
  }

  /** The STL's self-assessment of the round (the round's row is created if it is the first word on it). */
  public void recordSelfAssessment(String exerciseId, int round, boolean finalRound, Instant periodEnd,
      String achievements, String difficulties, String lessons, Instant at) {
    ensure(exerciseId, round, finalRound, periodEnd);
    jdbc.sql("""
            update cc_evaluation_round set achievements = :a, difficulties = :d, lessons = :l, self_assessed_at = :t
            where exercise_id = :e and round_number = :r""")
        .param("a", achievements).param("d", difficulties).param("l", lessons).param("t", Timestamp.from(at))
        .param("e", exerciseId).param("r", round).update();
    plan.changed();
  }

  /** INAI's yearly evaluation: each commitment's completion and notes; the round is evaluated. */
  public void recordYearEvaluation(String exerciseId, int round, Instant periodEnd, Map<Integer, String[]> byCommitment,
      Instant at) {
    ensure(exerciseId, round, false, periodEnd);
    byCommitment.forEach((commitment, value) -> jdbc.sql("""
            insert into cc_round_assessment (exercise_id, round_number, commitment_position, completion, notes)
            values (:e, :r, :p, :c, :n)""")
        .param("e", exerciseId).param("r", round).param("p", commitment).param("c", value[0]).param("n", value[1])
        .update());
    markEvaluated(exerciseId, round, at);
  }

  /** The final round is evaluated (its assessments are the commitments' evaluation). */
  public void recordFinalEvaluation(String exerciseId, int round, Instant palEnd, Instant at) {
    ensure(exerciseId, round, true, palEnd);
    markEvaluated(exerciseId, round, at);
  }

  private void markEvaluated(String exerciseId, int round, Instant at) {
    jdbc.sql("update cc_evaluation_round set evaluated_at = :t where exercise_id = :e and round_number = :r")
        .param("t", Timestamp.from(at)).param("e", exerciseId).param("r", round).update();
    plan.changed();
  }

  private void ensure(String exerciseId, int round, boolean finalRound, Instant periodEnd) {
    int exists = jdbc.sql("select count(*) from cc_evaluation_round where exercise_id = :e and round_number = :r")
        .param("e", exerciseId).param("r", round).query(Integer.class).single();
    if (exists == 0) {
      jdbc.sql("""
              insert into cc_evaluation_round (exercise_id, round_number, final_round, period_end)
              values (:e, :r, :f, :p)""")
          .param("e", exerciseId).param("r", round).param("f", finalRound).param("p", Timestamp.from(periodEnd))
          .update();
    }
  }

  /** Every round of the exercise with a self-assessment or an evaluation, in order. */
  public List<EvaluationRound> rounds(String exerciseId) {
    Map<Integer, List<EvaluationRound.YearAssessment>> assessments = new LinkedHashMap<>();
    jdbc.sql("""
            select round_number, commitment_position, completion, notes from cc_round_assessment
            where exercise_id = :e order by round_number, commitment_position""")
        .param("e", exerciseId)
        .query(rs -> {
          assessments.computeIfAbsent(rs.getInt(1), r -> new ArrayList<>()).add(new EvaluationRound.YearAssessment(
              rs.getInt(2), rs.getString(3), IrmScales.completion(rs.getString(3)), rs.getString(4)));
        });
    return jdbc.sql("""
            select round_number, final_round, period_end, achievements, difficulties, lessons, self_assessed_at,
              evaluated_at
            from cc_evaluation_round where exercise_id = :e order by round_number""")
        .param("e", exerciseId)
        .query((rs, row) -> {
          int round = rs.getInt(1);
          boolean finalRound = rs.getBoolean(2);
          Instant selfAssessed = instant(rs.getTimestamp(7));
          return new EvaluationRound(round, finalRound, finalRound ? null : round,
              EvaluationRound.day(instant(rs.getTimestamp(3))),
              selfAssessed == null ? null : new EvaluationRound.SelfAssessment(rs.getString(4), rs.getString(5),
                  rs.getString(6), EvaluationRound.day(selfAssessed)),
              instant(rs.getTimestamp(8)), assessments.getOrDefault(round, List.of()));
        })
        .list();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
