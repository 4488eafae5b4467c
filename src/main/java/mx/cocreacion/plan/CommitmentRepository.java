package mx.cocreacion.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import mx.cocreacion.validation.TaskInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Commitments and activities of each exercise ({@code cc_commitment}, {@code cc_activity}).
 * The facilitator's consolidation is a draft; the STL's approval turns it into the plan of record.
 */
@Repository
public class CommitmentRepository {

  private static final TypeReference<LinkedHashMap<String, Boolean>> CRITERIA = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final PlanEvents plan;
  private final PlanReads reads;

  public CommitmentRepository(JdbcClient jdbc, PlanEvents plan, PlanReads reads) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.reads = reads;
  }

  /**
   * Replaces the draft of an exercise with these commitments (not approved yet). The commitments the STL
   * already carried in an earlier round of the vote ({@link #carriedRounds}) stay as they are: the caller
   * checked that the new list has them unchanged at their positions.
   */
  public void saveDraft(String exerciseId, List<Commitment> commitments) {
    Set<Integer> carried = carriedRounds(exerciseId).keySet();
    jdbc.sql("""
            delete from cc_activity where commitment_id in
              (select id from cc_commitment where exercise_id = :e and carried_round is null)""")
        .param("e", exerciseId).update();
    jdbc.sql("delete from cc_commitment where exercise_id = :e and carried_round is null").param("e", exerciseId).update();
    for (Commitment c : commitments) {
      if (carried.contains(c.position())) {
        continue;
      }
      jdbc.sql("""
              insert into cc_commitment (exercise_id, position, title, problem, description, responsible, sdgs, criteria)
              values (:e, :p, :t, :pr, :d, :r, :s, :c)""")
          .param("e", exerciseId)
          .param("p", c.position())
          .param("t", c.title())
          .param("pr", c.problem())
          .param("d", c.description())
          .param("r", c.responsible())
          .param("s", c.sdgs().stream().map(String::valueOf).collect(Collectors.joining(",")))
          .param("c", json(c.criteria()))
          .update();
      long id = jdbc.sql("select id from cc_commitment where exercise_id = :e and position = :p")
          .param("e", exerciseId).param("p", c.position()).query(Long.class).single();
      for (Commitment.Activity a : c.activities()) {
        jdbc.sql("""
                insert into cc_activity (commitment_id, position, title, product, indicator, baseline, target, due_date, status)
                values (:c, :p, :t, :pr, :i, :b, :tg, :d, :s)""")
            .param("c", id)
            .param("p", a.position())
            .param("t", a.title())
            .param("pr", a.product())
            .param("i", a.indicator())
            .param("b", a.baseline())
            .param("tg", a.target())
            .param("d", Date.valueOf(a.dueDate()))
            .param("s", a.status())
            .update();
      }
    }
    plan.changed();
  }

  /** The STL approved: the commitments of the exercise become the plan of record. */
  public int approve(String exerciseId, Instant at) {
    int approved = jdbc.sql("update cc_commitment set approved = true, approved_at = :at where exercise_id = :e")
        .param("at", Timestamp.from(at))
        .param("e", exerciseId)
        .update();
    plan.changed();
    return approved;
  }

  /** The STL's vote carried these commitments in {@code round}: they are out of the next vote (step 4). */
  public void carry(String exerciseId, Collection<Integer> positions, int round) {
    for (int position : positions) {
      jdbc.sql("update cc_commitment set carried_round = :r where exercise_id = :e and position = :p and carried_round is null")
          .param("r", round).param("e", exerciseId).param("p", position).update();
    }
    plan.changed();
  }

  /**
   * The commitments the STL already carried while step 4 runs: position → the round they carried in (read once per
   * transaction: {@link PlanReads}).
   */
  public Map<Integer, Integer> carriedRounds(String exerciseId) {
    return reads.once("carried:" + exerciseId, () -> Collections.unmodifiableMap(readCarried(exerciseId)));
  }

  private Map<Integer, Integer> readCarried(String exerciseId) {
    Map<Integer, Integer> carried = new TreeMap<>();
    jdbc.sql("select position, carried_round from cc_commitment where exercise_id = :e and carried_round is not null")
        .param("e", exerciseId)
        .query(rs -> {
          carried.put(rs.getInt(1), rs.getInt(2));
        });
    return carried;
  }

  /** The commitments of an exercise with their activities, in order (read once per transaction: {@link PlanReads}). */
  public List<Commitment> findByExercise(String exerciseId) {
    return reads.once("commitments:" + exerciseId, () -> read(exerciseId));
  }

  private List<Commitment> read(String exerciseId) {
    Map<Long, Commitment> byId = new LinkedHashMap<>();
    jdbc.sql("select * from cc_commitment where exercise_id = :e order by position")
        .param("e", exerciseId)
        .query(rs -> {
          String sdgs = rs.getString("sdgs");
          byId.put(rs.getLong("id"), new Commitment(rs.getInt("position"), rs.getString("title"),
              rs.getString("problem"), rs.getString("description"), rs.getString("responsible"),
              sdgs == null || sdgs.isBlank() ? List.of() : Arrays.stream(sdgs.split(",")).map(Integer::valueOf).toList(),
              criteria(rs.getString("criteria")), new ArrayList<>()));
        });
    if (byId.isEmpty()) {
      return List.of();
    }
    jdbc.sql("""
            select a.* from cc_activity a join cc_commitment c on c.id = a.commitment_id
            where c.exercise_id = :e order by c.position, a.position""")
        .param("e", exerciseId)
        .query(rs -> {
          byId.get(rs.getLong("commitment_id")).activities().add(new Commitment.Activity(rs.getInt("position"),
              rs.getString("title"), rs.getString("product"), rs.getString("indicator"), rs.getString("baseline"),
              rs.getString("target"), rs.getDate("due_date").toLocalDate(), rs.getString("status")));
        });
    return byId.values().stream().map(c -> new Commitment(c.position(), c.title(), c.problem(), c.description(),
        c.responsible(), c.sdgs(), c.criteria(), List.copyOf(c.activities()))).toList();
  }

  public boolean isApproved(String exerciseId) {
    return jdbc.sql("select count(*) from cc_commitment where exercise_id = :e and approved = true")
        .param("e", exerciseId).query(Integer.class).single() > 0;
  }

  private static String json(Map<String, Boolean> criteria) {
    try {
      return TaskInput.mapper().writeValueAsString(criteria);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Boolean> criteria(String json) {
    try {
      return Collections.unmodifiableMap(TaskInput.mapper().readValue(json, CRITERIA));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cc_commitment.criteria is not JSON: " + json, e);
    }
  }
}
