package mx.cocreacion.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Amendments of approved commitments, their votes and the versions they made ({@code cc_amendment},
 * {@code cc_amendment_vote}, {@code cc_commitment_version}). An approved amendment changes the commitment's
 * activities in {@code cc_activity} (the current version) and keeps every earlier version.
 */
@Repository
public class AmendmentRepository {

  private final JdbcClient jdbc;
  private final PlanEvents plan;
  private final ImplementationRepository implementation;

  public AmendmentRepository(JdbcClient jdbc, PlanEvents plan, ImplementationRepository implementation) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.implementation = implementation;
  }

  /** Records a proposal, to be voted in the commitment-implementation instance {@code instanceId}. */
  public long propose(String exerciseId, int commitment, String instanceId, String taskId, String proposedBy,
      Instant at, String kind, int activity, Amendment.Change change, String reason) {
    jdbc.sql("""
            insert into cc_amendment (exercise_id, commitment_position, instance_id, task_id, proposed_by, proposed_at,
              kind, activity_position, change_payload, reason)
            values (:e, :c, :i, :t, :by, :at, :k, :a, :p, :r)""")
        .param("e", exerciseId).param("c", commitment).param("i", instanceId).param("t", taskId)
        .param("by", proposedBy).param("at", Timestamp.from(at)).param("k", kind).param("a", activity)
        .param("p", json(change)).param("r", reason)
        .update();
    plan.changed();
    return jdbc.sql("select max(id) from cc_amendment where instance_id = :i").param("i", instanceId)
        .query(Long.class).single();
  }

  /** The amendment in vote in a commitment-implementation instance (at most one: the model votes one at a time). */
  public Optional<Amendment> inVote(String instanceId) {
    return latest(instanceId).filter(a -> Amendment.PROPOSED.equals(a.status()));
  }

  /** The last amendment proposed in a commitment-implementation instance. */
  public Optional<Amendment> latest(String instanceId) {
    return jdbc.sql("select * from cc_amendment where instance_id = :i order by id desc")
        .param("i", instanceId).query((rs, row) -> amendment(rs)).list().stream().findFirst()
        .map(a -> withVotes(a, votes(a.id())));
  }

  public void vote(long amendmentId, Amendment.Vote vote, Instant at) {
    jdbc.sql("""
            insert into cc_amendment_vote (amendment_id, voter, approved, comments, voted_at)
            values (:a, :v, :ok, :c, :at)""")
        .param("a", amendmentId).param("v", vote.voter()).param("ok", vote.approved())
        .param("c", vote.comments()).param("at", Timestamp.from(at))
        .update();
    plan.changed(); // the votes are part of the amendment the microsite shows
  }

  /** The STL's decision: {@link Amendment#APPROVED} or {@link Amendment#REJECTED}. */
  public void decide(long amendmentId, String status, Instant at) {
    jdbc.sql("update cc_amendment set status = :s, decided_at = :at where id = :a and status = 'proposed'")
        .param("s", status).param("at", Timestamp.from(at)).param("a", amendmentId).update();
    plan.changed();
  }

  /**
   * Applies an approved amendment to its commitment: keeps the version before (version 1 dated at the STL's
   * approval when it is the first change), changes the activities, keeps the new version, recomputes the
   * commitment's progress. Returns the new version's number.
   */
  public int apply(String exerciseId, Amendment amendment, Instant at) {
    int commitment = amendment.commitment();
    long commitmentId = jdbc.sql("select id from cc_commitment where exercise_id = :e and position = :p")
        .param("e", exerciseId).param("p", commitment).query(Long.class).single();
    int last = jdbc.sql("""
            select coalesce(max(version), 0) from cc_commitment_version
            where exercise_id = :e and commitment_position = :p""")
        .param("e", exerciseId).param("p", commitment).query(Integer.class).single();
    if (last == 0) {
      Timestamp approvedAt = jdbc.sql("select approved_at from cc_commitment where id = :c").param("c", commitmentId)
          .query(Timestamp.class).optional().orElse(Timestamp.from(amendment.proposedAt()));
      keepVersion(exerciseId, commitment, 1, approvedAt.toInstant(), null, activities(commitmentId));
      last = 1;
    }
    Amendment.Change change = amendment.change();
    switch (amendment.kind()) {
      case Amendment.ADD_ACTIVITY -> jdbc.sql("""
              insert into cc_activity (commitment_id, position, title, product, indicator, baseline, target, due_date, status)
              values (:c, :p, :t, :pr, :i, :b, :tg, :d, 'not-started')""")
          .param("c", commitmentId).param("p", amendment.activity()).param("t", change.title())
          .param("pr", change.product()).param("i", change.indicator()).param("b", change.baseline())
          .param("tg", change.target()).param("d", Date.valueOf(change.dueDate()))
          .update();
      case Amendment.MOVE_DUE_DATE -> jdbc.sql(
              "update cc_activity set due_date = :d where commitment_id = :c and position = :p")
          .param("d", Date.valueOf(change.dueDate())).param("c", commitmentId).param("p", amendment.activity())
          .update();
      case Amendment.CORRECT_INDICATOR -> jdbc.sql(
              "update cc_activity set indicator = :i where commitment_id = :c and position = :p")
          .param("i", change.indicator()).param("c", commitmentId).param("p", amendment.activity())
          .update();
      default -> throw new IllegalStateException("Tipo de modificación desconocido: " + amendment.kind());
    }
    int version = last + 1;
    keepVersion(exerciseId, commitment, version, at, amendment.id(), activities(commitmentId));
    jdbc.sql("update cc_amendment set version = :v where id = :a").param("v", version).param("a", amendment.id()).update();
    implementation.updateStatuses(exerciseId, commitment, Map.of());
    plan.changed();
    return version;
  }

  /** Every amendment of an exercise's commitments, by commitment, oldest first, with their votes. */
  public Map<Integer, List<Amendment>> byCommitment(String exerciseId) {
    Map<Long, List<Amendment.Vote>> votes = new LinkedHashMap<>();
    jdbc.sql("""
            select v.amendment_id, v.voter, v.approved, v.comments from cc_amendment_vote v
            join cc_amendment a on a.id = v.amendment_id where a.exercise_id = :e order by v.voted_at, v.voter""")
        .param("e", exerciseId)
        .query(rs -> {
          votes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Amendment.Vote(rs.getString(2), rs.getBoolean(3), rs.getString(4)));
        });
    Map<Integer, List<Amendment>> byCommitment = new LinkedHashMap<>();
    jdbc.sql("select * from cc_amendment where exercise_id = :e order by commitment_position, id")
        .param("e", exerciseId)
        .query((rs, row) -> amendment(rs)).list()
        .forEach(a -> byCommitment.computeIfAbsent(a.commitment(), k -> new ArrayList<>())
            .add(withVotes(a, votes.getOrDefault(a.id(), List.of()))));
    return byCommitment;
  }

  /** The versions of an exercise's amended commitments, by commitment, version 1 first (none if never amended). */
  public Map<Integer, List<CommitmentVersion>> versions(String exerciseId) {
    return versions(exerciseId, byCommitment(exerciseId));
  }

  /** {@link #versions(String)} when the caller has read the exercise's amendments ({@link #byCommitment}) already. */
  public Map<Integer, List<CommitmentVersion>> versions(String exerciseId, Map<Integer, List<Amendment>> byCommitment) {
    Map<Long, Amendment> amendments = new LinkedHashMap<>();
    byCommitment.values().forEach(list -> list.forEach(a -> amendments.put(a.id(), a)));
    Map<Integer, List<CommitmentVersion>> versions = new LinkedHashMap<>();
    jdbc.sql("""
            select commitment_position, version, valid_from, amendment_id, activities from cc_commitment_version
            where exercise_id = :e order by commitment_position, version""")
        .param("e", exerciseId)
        .query(rs -> {
          long amendmentId = rs.getLong(4);
          Amendment made = rs.wasNull() ? null : amendments.get(amendmentId);
          versions.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new CommitmentVersion(rs.getInt(2),
              Dates.localDate(rs.getTimestamp(3).toInstant()), made == null ? null : made.description(),
              made == null ? null : made.reason(), activities(rs.getString(5))));
        });
    return versions;
  }

  private void keepVersion(String exerciseId, int commitment, int version, Instant validFrom, Long amendmentId,
      List<Commitment.Activity> activities) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment.Activity a : activities) {
      ObjectNode row = rows.addObject();
      row.put("position", a.position());
      row.put("title", a.title());
      row.put("product", a.product());
      row.put("indicator", a.indicator());
      row.put("baseline", a.baseline());
      row.put("target", a.target());
      row.put("dueDate", a.dueDate() == null ? null : a.dueDate().toString());
    }
    jdbc.sql("""
            insert into cc_commitment_version (exercise_id, commitment_position, version, valid_from, amendment_id, activities)
            values (:e, :c, :v, :at, :a, :j)""")
        .param("e", exerciseId).param("c", commitment).param("v", version).param("at", Timestamp.from(validFrom))
        .param("a", amendmentId).param("j", rows.toString())
        .update();
  }

  private List<Commitment.Activity> activities(long commitmentId) {
    return jdbc.sql("select * from cc_activity where commitment_id = :c order by position").param("c", commitmentId)
        .query((rs, row) -> new Commitment.Activity(rs.getInt("position"), rs.getString("title"),
            rs.getString("product"), rs.getString("indicator"), rs.getString("baseline"), rs.getString("target"),
            rs.getDate("due_date").toLocalDate(), rs.getString("status")))
        .list();
  }

  private static List<Commitment.Activity> activities(String json) {
    JsonNode rows = read(json);
    List<Commitment.Activity> activities = new ArrayList<>();
    rows.forEach(r -> activities.add(new Commitment.Activity(r.path("position").asInt(), text(r, "title"),
        text(r, "product"), text(r, "indicator"), text(r, "baseline"), text(r, "target"),
        r.hasNonNull("dueDate") ? LocalDate.parse(r.get("dueDate").asText()) : null, null)));
    return activities;
  }

  private List<Amendment.Vote> votes(long amendmentId) {
    return jdbc.sql("select voter, approved, comments from cc_amendment_vote where amendment_id = :a order by voted_at, voter")
        .param("a", amendmentId)
        .query((rs, row) -> new Amendment.Vote(rs.getString(1), rs.getBoolean(2), rs.getString(3))).list();
  }

  private static Amendment withVotes(Amendment a, List<Amendment.Vote> votes) {
    return new Amendment(a.id(), a.commitment(), a.kind(), a.activity(), a.change(), a.reason(), a.proposedBy(),
        a.proposedAt(), a.status(), a.decidedAt(), a.version(), List.copyOf(votes));
  }

  private static Amendment amendment(ResultSet rs) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    int version = rs.getInt("version");
    Integer madeVersion = rs.wasNull() ? null : version;
    return new Amendment(rs.getLong("id"), rs.getInt("commitment_position"), rs.getString("kind"),
        rs.getInt("activity_position"), change(rs.getString("change_payload")), rs.getString("reason"),
        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("status"),
        decided == null ? null : decided.toInstant(), madeVersion, List.of());
  }

  private static String json(Amendment.Change change) {
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("title", change.title());
    node.put("product", change.product());
    node.put("indicator", change.indicator());
    node.put("baseline", change.baseline());
    node.put("target", change.target());
    node.put("dueDate", change.dueDate() == null ? null : change.dueDate().toString());
    node.put("previousIndicator", change.previousIndicator());
    node.put("previousDueDate", change.previousDueDate() == null ? null : change.previousDueDate().toString());
    return node.toString();
  }

  private static Amendment.Change change(String json) {
    JsonNode n = read(json);
    return new Amendment.Change(text(n, "title"), text(n, "product"), text(n, "indicator"), text(n, "baseline"),
        text(n, "target"), date(n, "dueDate"),
        text(n, "previousIndicator"), date(n, "previousDueDate"));
  }

  private static JsonNode read(String json) {
    try {
      return TaskInput.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON del plan de registro ilegible: " + json, e);
    }
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static LocalDate date(JsonNode node, String field) {
    return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
  }
}
