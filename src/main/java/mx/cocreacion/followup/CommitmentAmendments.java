package mx.cocreacion.followup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code commitmentAmendments}: what the model of an amendment reads, all from the plan of record (never from
 * variables): whether the last report proposed one and whether the STL approved it (the gateways), the summary
 * the titulars vote on, and the activities the report form offers to change.
 */
@Component("commitmentAmendments")
public class CommitmentAmendments {

  private final AmendmentRepository amendments;
  private final CommitmentRepository commitments;
  private final StlMemberRepository members;
  private final PlanOfRecord plan;

  public CommitmentAmendments(AmendmentRepository amendments, CommitmentRepository commitments,
      StlMemberRepository members, PlanOfRecord plan) {
    this.amendments = amendments;
    this.commitments = commitments;
    this.members = members;
    this.plan = plan;
  }

  /** The report just completed in this instance proposed an amendment that is not decided yet. */
  public boolean proposed(DelegateExecution execution) {
    return amendments.inVote(execution.getProcessInstanceId()).isPresent();
  }

  /** The STL approved the last amendment of this instance. */
  public boolean approved(DelegateExecution execution) {
    return amendments.latest(execution.getProcessInstanceId())
        .map(a -> Amendment.APPROVED.equals(a.status())).orElse(false);
  }

  /** The amendment in vote, as the titulars read it (input {@code amendmentSummary} of vote-amendment). */
  public SpinJsonNode summary(DelegateExecution execution) {
    Amendment amendment = amendments.inVote(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No hay modificación en votación en " + execution.getProcessInstanceId()));
    Commitment commitment = commitment(execution);
    ObjectNode summary = TaskInput.mapper().createObjectNode();
    summary.put("commitment", commitment.position() + ". " + commitment.title());
    summary.put("kind", Amendment.kindLabel(amendment.kind()));
    summary.put("change", amendment.description());
    summary.put("reason", amendment.reason());
    summary.put("proposedBy", amendment.proposedBy());
    summary.put("proposedOn", MexicanDates.longDate(amendment.proposedAt()));
    ArrayNode activities = summary.putArray("activities");
    for (Commitment.Activity a : commitment.activities()) {
      // «Actividad 2: …», not «2. …»: a list item that starts with a number is read as a numbered list.
      activities.addObject().put("text", "Actividad " + a.position() + ": " + a.label() + " — indicador «" + a.indicator()
          + "», fecha compromiso " + MexicanDates.longDate(a.dueDate()));
    }
    return Spin.JSON(summary.toString());
  }

  /** The commitment's activities not concluded, as options {label, value} of the report form's select. */
  public SpinJsonNode activityOptions(DelegateExecution execution) {
    ArrayNode options = TaskInput.mapper().createArrayNode();
    for (Commitment.Activity a : commitment(execution).activities()) {
      if (!CommitmentImplementationProcess.STATUS_DONE.equals(a.status())) {
        options.addObject().put("label", a.position() + ". " + a.label() + " (" + MexicanDates.date(a.dueDate()) + ")")
            .put("value", String.valueOf(a.position()));
      }
    }
    return Spin.JSON(options.toString());
  }

  /** The sector of each titular who voted for {@code amendment} (one element per yes). */
  List<String> yesSectors(String exerciseId, Amendment amendment) {
    return members.sectorsOf(exerciseId, amendment.votes().stream().filter(Amendment.Vote::approved).map(Amendment.Vote::voter));
  }

  /** The titulars of the execution's exercise who vote (user ids). */
  List<String> titulars(String exerciseId) {
    return members.active(exerciseId).stream().filter(m -> StlMember.TITULAR.equals(m.role()))
        .map(StlMember::userId).distinct().toList();
  }

  private Commitment commitment(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    int position = plan.commitmentOf(execution);
    return commitments.findByExercise(exerciseId).stream().filter(c -> c.position() == position).findFirst()
        .orElseThrow(() -> new IllegalStateException("Sin compromiso " + position + " en " + exerciseId));
  }
}
