package mx.cocreacion.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import org.springframework.stereotype.Service;

/**
 * Builds the {@link CommitmentView}s of an exercise from the plan of record (commitments, activities,
 * progress, reports, assessments, the STL's votes: five queries), the one place where "commitment + progress + reports +
 * assessment" is put together. Read once per transaction ({@link PlanReads}); the public caches keep what they read
 * from here.
 */
@Service
public class CommitmentViews {

  private final CommitmentRepository commitments;
  private final ImplementationRepository implementation;
  private final AssessmentRepository assessments;
  private final CommitmentVoteRepository votes;
  private final AmendmentRepository amendments;
  private final PlanReads reads;

  public CommitmentViews(CommitmentRepository commitments, ImplementationRepository implementation,
      AssessmentRepository assessments, CommitmentVoteRepository votes, AmendmentRepository amendments,
      PlanReads reads) {
    this.reads = reads;
    this.commitments = commitments;
    this.votes = votes;
    this.implementation = implementation;
    this.assessments = assessments;
    this.amendments = amendments;
  }

  /**
   * The commitments of an exercise in order (the approved plan, or the draft while step 4 runs), read once per
   * transaction ({@link PlanReads}).
   */
  public List<CommitmentView> of(String exerciseId) {
    return reads.once("views:" + exerciseId, () -> read(exerciseId));
  }

  private List<CommitmentView> read(String exerciseId) {
    List<Commitment> plan = commitments.findByExercise(exerciseId);
    if (plan.isEmpty()) {
      return List.of();
    }
    Map<Integer, Assessment> assessed = assessments.assessments(exerciseId).stream()
        .collect(Collectors.toMap(Assessment::commitment, Function.identity()));
    boolean approved = commitments.isApproved(exerciseId);
    Map<Integer, List<ProgressReport>> reports = implementation.reportsByCommitment(exerciseId);
    Map<Integer, Double> progress = implementation.progressByCommitment(exerciseId);
    Map<Integer, List<CommitmentView.Vote>> history = votes.ofExercise(exerciseId).stream()
        .collect(Collectors.groupingBy(CommitmentVote::position, Collectors.mapping(v -> new CommitmentView.Vote(
            v.round(), v.name(), v.sector(), v.approved(), v.comments(), Dates.localDate(v.votedAt())),
            Collectors.toList())));
    Map<Integer, List<Amendment>> proposed = amendments.byCommitment(exerciseId);
    Map<Integer, List<CommitmentVersion>> versions = amendments.versions(exerciseId, proposed);
    return plan.stream()
        .map(c -> view(c, approved, assessed.get(c.position()), reports.getOrDefault(c.position(), List.of()),
            progress.getOrDefault(c.position(), 0.0), history.getOrDefault(c.position(), List.of()),
            versions.getOrDefault(c.position(), List.of()), proposed.getOrDefault(c.position(), List.of())))
        .toList();
  }

  /** One commitment of an exercise, by its position. */
  public Optional<CommitmentView> of(String exerciseId, int position) {
    return of(exerciseId).stream().filter(c -> c.position() == position).findFirst();
  }

  private static CommitmentView view(Commitment c, boolean approved, Assessment a, List<ProgressReport> reports,
      double progress, List<CommitmentView.Vote> history, List<CommitmentVersion> versions, List<Amendment> proposed) {
    CommitmentView.Monitoring monitoring = a == null || a.potentialImpact() == null ? null
        : new CommitmentView.Monitoring(Boolean.TRUE.equals(a.verifiable()), Boolean.TRUE.equals(a.relevant()),
            a.potentialImpact(), a.monitoringNotes());
    CommitmentView.Evaluation evaluation = a == null || a.completion() == null ? null
        : new CommitmentView.Evaluation(a.completion(), a.openedGovernment(), a.evaluationNotes());
    List<CommitmentView.Report> reported = reports.stream().map(CommitmentViews::report).toList();
    return new CommitmentView(c.position(), c.title(), c.problem(), c.description(), c.responsible(), c.sdgs(),
        c.criteria(), approved, Progress.percent(progress), a != null && a.starred(), List.copyOf(c.activities()),
        reported, monitoring, evaluation, history, List.copyOf(versions),
        proposed.stream().map(CommitmentViews::change).toList(), latestValues(c, reported));
  }

  /** Per activity of the current version, the value its indicator reached in the latest report that measured it. */
  private static List<CommitmentView.Measure> latestValues(Commitment c, List<CommitmentView.Report> reports) {
    Map<Integer, CommitmentView.Measure> latest = new TreeMap<>();
    reports.stream().sorted(Comparator.comparingInt(CommitmentView.Report::number))
        .forEach(r -> r.values().forEach(m -> latest.put(m.activity(), m)));
    Set<Integer> activities = c.activities().stream().map(Commitment.Activity::position).collect(Collectors.toSet());
    return latest.values().stream().filter(m -> activities.contains(m.activity())).toList();
  }

  /** The indicator values a report's rows carry (the optional {@code value} of each activity's row). */
  private static List<CommitmentView.Measure> values(ProgressReport r) {
    List<CommitmentView.Measure> values = new ArrayList<>();
    if (r.statusesJson() == null || r.statusesJson().isBlank()) {
      return values;
    }
    try {
      for (JsonNode row : TaskInput.mapper().readTree(r.statusesJson())) {
        String value = row.path("value").asText("").trim();
        String activity = row.path("activity").asText("");
        if (!value.isEmpty() && activity.matches("\\d{1,3}")) {
          values.add(new CommitmentView.Measure(Integer.parseInt(activity), value, Dates.localDate(r.reportedAt()),
              r.number()));
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report " + r.number() + " holds rows that are not JSON", e);
    }
    return values;
  }

  private static CommitmentView.Change change(Amendment a) {
    return new CommitmentView.Change(Dates.localDate(a.proposedAt()), a.kind(), a.description(), a.reason(),
        a.status(), a.statusLabel(), a.decidedAt() == null ? null : Dates.localDate(a.decidedAt()), a.version(),
        a.votesFor(), a.votesAgainst());
  }

  private static CommitmentView.Report report(ProgressReport r) {
    return new CommitmentView.Report(r.number(), Dates.localDate(r.reportedAt()), Progress.percent(r.progress()),
        r.evidenceUrl(), r.evidenceName(), r.narrative(), values(r), r.evidenceFileUrl());
  }
}
