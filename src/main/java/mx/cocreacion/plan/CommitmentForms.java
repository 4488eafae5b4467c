package mx.cocreacion.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;

/**
 * The plan of record as the step 6 forms read it, from the read model ({@link CommitmentView}): the summary of a
 * commitment they show, and the rows they start with (the task's own fields, with the commitment's title and,
 * for the evaluation, the monitoring's result to read). Json for the tasks' input mappings
 * ({@code followup.FollowUpSummary}); the forms compute nothing of it.
 */
public final class CommitmentForms {

  private CommitmentForms() {}

  /**
   * A commitment as the step 6 forms read it (a Json variable of their input mappings): the view with the
   * dates also written as people read them ({@code dueDateText}: "1 de marzo de 2031") and each activity
   * named by its title, or its product when it has none.
   */
  public static ObjectNode summary(CommitmentView c) {
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("position", c.position());
    node.put("title", c.title());
    node.put("problem", c.problem());
    node.put("responsible", c.responsible());
    node.put("progress", c.progress());
    ArrayNode activities = node.putArray("activities");
    for (Commitment.Activity a : c.activities()) {
      ObjectNode activity = activities.addObject();
      activity.put("position", a.position());
      activity.put("title", a.label());
      activity.put("product", a.product());
      activity.put("indicator", a.indicator());
      activity.put("target", a.target());
      activity.put("dueDate", a.dueDate().toString());
      activity.put("dueDateText", MexicanDates.longDate(a.dueDate()));
      activity.put("status", a.status());
    }
    ArrayNode reports = node.putArray("reports");
    for (CommitmentView.Report r : c.reports()) {
      ObjectNode report = reports.addObject();
      report.put("number", r.number());
      report.put("reportedAt", r.reportedAt().toString());
      report.put("reportedAtText", MexicanDates.longDate(r.reportedAt()));
      report.put("progress", r.progress());
      report.put("evidenceUrl", r.evidenceUrl());
      report.put("evidenceName", r.evidenceName());
    }
    if (c.monitoring() != null) {
      ObjectNode monitoring = node.putObject("monitoring");
      monitoring.put("verifiable", c.monitoring().verifiable());
      monitoring.put("relevant", c.monitoring().relevant());
      monitoring.put("potentialImpact", c.monitoring().potentialImpact());
      monitoring.put("notes", c.monitoring().notes());
    } else {
      node.putNull("monitoring");
    }
    return node;
  }

  /** The rows of a progress report: one per activity of the commitment, with its current status. */
  public static ArrayNode progressRows(CommitmentView c) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment.Activity a : c.activities()) {
      ObjectNode row = rows.addObject();
      row.put("activity", a.position());
      row.put("title", a.label());
      row.put("status", a.status());
    }
    return rows;
  }

  /** The rows of the 6-month monitoring: one per commitment, nothing judged yet. */
  public static ArrayNode monitoringRows(List<CommitmentView> commitments) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (CommitmentView c : commitments) {
      ObjectNode row = rows.addObject();
      row.put("commitment", c.position());
      row.put("title", c.title());
      row.put("verifiable", false);
      row.put("relevant", false);
      row.putNull("potentialImpact");
      row.put("notes", "");
    }
    return rows;
  }

  /** The rows of an evaluation: one per commitment, with its monitoring's result to read. */
  public static ArrayNode evaluationRows(List<CommitmentView> commitments) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (CommitmentView c : commitments) {
      ObjectNode row = rows.addObject();
      row.put("commitment", c.position());
      row.put("title", c.title());
      row.put("monitoringSummary", IrmScales.monitoringSummary(c.monitoring()));
      row.putNull("completion");
      row.putNull("openedGovernment");
      row.put("notes", "");
    }
    return rows;
  }
}
