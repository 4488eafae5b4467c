package mx.cocreacion.microsite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.CommitmentViews;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.plan.Progress;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public read model of the exercises, shared by the microsite and the open data. Reads the
 * plan of record (CC_* tables) and, for overdue tasks, the engine's runtime task table: never the
 * history tables.
 */
@Service
public class PublicExercises {

  private static final String SELECT = """
      select e.id, e.tenant_id, e.exercise_year, e.business_key, e.name, e.guarantor_body, e.current_step,
             e.started_at, e.ended_at, e.pal_start, e.pal_end, e.launch_date, e.launch_place,
             (select count(*) from cc_commitment c where c.exercise_id = e.id and c.approved = true) as commitments,
             (select avg(c.progress) from cc_commitment c where c.exercise_id = e.id and c.approved = true) as progress,
             (select count(*) from cc_commitment c where c.exercise_id = e.id and c.starred = true) as starred,
             (select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION x on x.ID_ = t.PROC_INST_ID_
               where x.BUSINESS_KEY_ = e.business_key and e.ended_at is null and t.DUE_DATE_ < :now) as overdue
      from cc_exercise e""";

  private final JdbcClient jdbc;
  private final CommitmentViews views;
  private final PublicDataCache cache;
  private final EvaluationRoundRepository rounds;

  public PublicExercises(JdbcClient jdbc, CommitmentViews views, PublicDataCache cache, EvaluationRoundRepository rounds) {
    this.rounds = rounds;
    this.jdbc = jdbc;
    this.views = views;
    this.cache = cache;
  }

  /** A public exercise with the id of the plan of record it was read from (for further queries). */
  public record Found(String exerciseId, PublicExercise exercise) {}

  /**
   * Every exercise of every entidad, newest first within each entidad. The same columns as
   * {@link #SELECT}, computed set-wise (one pass over the commitments and the overdue tasks instead
   * of four subqueries per exercise): at national scale (2,500 exercises) this is what keeps the open
   * data fast (docs/benchmark.md).
   */
  public List<PublicExercise> all() {
    return cache.get("all", () -> jdbc.sql(ALL).param("now", now())
        .query(this::map).list().stream().map(Found::exercise).toList());
  }

  private static final String ALL = """
      select e.id, e.tenant_id, e.exercise_year, e.business_key, e.name, e.guarantor_body, e.current_step,
             e.started_at, e.ended_at, e.pal_start, e.pal_end, e.launch_date, e.launch_place,
             coalesce(c.commitments, 0) as commitments, c.progress, coalesce(c.starred, 0) as starred,
             case when e.ended_at is null then coalesce(o.overdue, 0) else 0 end as overdue
      from cc_exercise e
      left join (select exercise_id,
                        sum(case when approved = true then 1 else 0 end) as commitments,
                        avg(case when approved = true then progress end) as progress,
                        sum(case when starred = true then 1 else 0 end) as starred
                 from cc_commitment group by exercise_id) c on c.exercise_id = e.id
      left join (select x.BUSINESS_KEY_ as business_key, count(*) as overdue
                 from ACT_RU_TASK t join ACT_RU_EXECUTION x on x.ID_ = t.PROC_INST_ID_
                 where t.DUE_DATE_ < :now group by x.BUSINESS_KEY_) o on o.business_key = e.business_key
      order by e.tenant_id, e.started_at desc""";

  /**
   * The current exercise of each entidad that has one (the latest started; of two started at the same instant, the
   * one {@link #find} serves: the greater id).
   */
  public List<PublicExercise> currentPerEntity() {
    // The newest start of each entidad in one grouped pass (a correlated max() per exercise read every
    // exercise of the entidad again for each one: 2,500 exercises -> 200 ms).
    return cache.get("current", () -> jdbc.sql(SELECT + """

             join (select tenant_id, max(started_at) as latest from cc_exercise group by tenant_id) newest
               on newest.tenant_id = e.tenant_id and newest.latest = e.started_at
             order by e.tenant_id, e.id desc""")
        .param("now", now())
        .query(this::map).list().stream()
        .filter(firstOfEachTenant())
        .map(Found::exercise).toList());
  }

  /** Keeps the first row of each entidad (rows in entidad order, the one to keep first). */
  private static java.util.function.Predicate<Found> firstOfEachTenant() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return found -> seen.add(found.exercise().tenant());
  }

  /** The entidad's current exercise, or the one of {@code year} when given. */
  public Optional<Found> find(String tenant, Integer year) {
    if (!EntityCatalogue.exists(tenant)) {
      return Optional.empty();
    }
    return cache.get("find:" + tenant + ":" + year, () -> read(tenant, year));
  }

  private Optional<Found> read(String tenant, Integer year) {
    String where = year == null ? " where e.tenant_id = :t" : " where e.tenant_id = :t and e.exercise_year = :y";
    // Only the newest row: the subqueries of SELECT then run once, not once per exercise of the entidad.
    var spec = jdbc.sql(SELECT + where + " order by e.started_at desc, e.id desc fetch first 1 rows only")
        .param("now", now()).param("t", tenant);
    if (year != null) {
      spec = spec.param("y", year);
    }
    return spec.query(this::map).list().stream().findFirst();
  }

  /** The years of the entidad's exercises, newest first (links to earlier exercises). */
  public List<Integer> years(String tenant) {
    return cache.get("years:" + tenant, () -> jdbc.sql(
            "select distinct exercise_year from cc_exercise where tenant_id = :t order by exercise_year desc")
        .param("t", tenant).query(Integer.class).list());
  }

  /** INAI's evaluations of the exercise (yearly and final) with the STL's self-assessment before each, in order. */
  public List<EvaluationRound> evaluations(String exerciseId) {
    return cache.get("evaluations:" + exerciseId, () -> rounds.rounds(exerciseId));
  }

  /** When INAI recorded its monitoring of the exercise's commitments, or null before it. */
  public Instant monitoredAt(String exerciseId) {
    return cache.get("monitored:" + exerciseId, () -> jdbc.sql("select monitored_at from cc_exercise where id = :e")
        .param("e", exerciseId).query((rs, row) -> instant(rs, "monitored_at")).optional().orElse(null));
  }

  /** The commitments of an exercise (the approved plan, or the draft while step 4 runs). */
  public List<CommitmentView> commitments(String exerciseId) {
    return cache.get("commitments:" + exerciseId, () -> views.of(exerciseId));
  }

  private Found map(ResultSet rs, int row) throws SQLException {
    String tenant = rs.getString("tenant_id");
    var progress = rs.getBigDecimal("progress");
    Instant ended = instant(rs, "ended_at");
    return new Found(rs.getString("id"), new PublicExercise(tenant, EntityCatalogue.nameOf(tenant),
        rs.getInt("exercise_year"), rs.getString("business_key"), rs.getString("name"), rs.getString("guarantor_body"),
        rs.getInt("current_step"), ended != null, instant(rs, "started_at"), ended, day(rs, "pal_start"),
        day(rs, "pal_end"), day(rs, "launch_date"), rs.getString("launch_place"), rs.getInt("commitments"),
        progress == null ? 0 : Progress.percent(progress.doubleValue()), rs.getInt("starred"), rs.getLong("overdue")));
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : Dates.localDate(t.toInstant());
  }
}
