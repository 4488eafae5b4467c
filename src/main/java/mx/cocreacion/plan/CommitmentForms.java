package mx.cocreacion.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.MexicanDates;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The plan of record as the forms read it, from the read model ({@link CommitmentView}): the summary of a
 * commitment they show (approve-commitments and step 6), and the rows the step 6 tasks start with (the task's own fields, with the commitment's title and,
 * for the evaluation, the monitoring's result to read). Json for the tasks' shown fields
 * ({@code followup.FollowUpSummary}); the forms compute nothing of it.
 */
public final class CommitmentForms {

  private CommitmentForms() {}

  /**
   * A commitment as the forms show it (approve-commitments and the step 6 tasks): the view with every value
   * already in words, so the forms only place them: dates as people read them ({@code dueDateText}: "1 de
   * marzo de 2031"), progress as a bar ({@code progressText}: "█████░░░░░ 50 %"), statuses, ODS, criteria,
   * the names of the reports and INAI's monitoring. Each activity is named by its title, or its product.
   */
  public static ObjectNode summary(CommitmentView c) {
    LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
    ObjectNode node = TaskInput.mapper().createObjectNode();
    node.put("position", c.position());
    node.put("title", c.title());
    node.put("problem", c.problem());
    node.put("description", c.description());
    node.put("responsible", c.responsible());
    node.put("sdgsText", PlanLabels.odsList(c.sdgs()));
    node.put("criteriaText", PlanLabels.criteriaList(c.criteria()));
    node.put("progress", c.progress());
    node.put("progressText", PlanLabels.progressBar(c.progress()));
    ArrayNode activities = node.putArray("activities");
    for (Commitment.Activity a : c.activities()) {
      ObjectNode activity = activities.addObject();
      activity.put("position", a.position());
      activity.put("title", a.label());
      activity.put("product", a.product());
      activity.put("indicator", a.indicator());
      activity.put("baseline", a.baseline() == null || a.baseline().isBlank() ? "sin dato" : a.baseline());
      activity.put("target", a.target());
      activity.put("dueDate", a.dueDate().toString());
      activity.put("dueDateText", MexicanDates.longDate(a.dueDate()));
      activity.put("status", a.status());
      activity.put("statusText", IrmScales.statusWithSign(a.status())
          + (a.isOverdue(today) ? " · vencida (término: " + MexicanDates.longDate(a.dueDate()) + ")" : ""));
      activity.put("overdue", a.isOverdue(today));
      CommitmentView.Measure measured = c.latestValue(a.position());
      activity.put("valueText", measured == null ? "sin medir"
          : measured.value() + " (" + MexicanDates.longDate(measured.reportedOn()) + ")");
    }
    ArrayNode reports = node.putArray("reports");
    for (CommitmentView.Report r : c.reports()) {
      ObjectNode report = reports.addObject();
      report.put("number", r.number());
      report.put("name", PlanLabels.report(r.number()));
      report.put("reportedAt", r.reportedAt().toString());
      report.put("reportedAtText", MexicanDates.longDate(r.reportedAt()));
      report.put("progress", r.progress());
      report.put("progressText", PlanLabels.progressBar(r.progress()));
      report.put("evidenceUrl", r.evidenceUrl());
      report.put("evidenceName", r.evidenceName());
      report.put("narrative", r.narrative());
    }
    CommitmentView.Monitoring m = c.monitoring();
    if (m != null) {
      ObjectNode monitoring = node.putObject("monitoring");
      monitoring.put("verifiable", m.verifiable());
      monitoring.put("relevant", m.relevant());
      monitoring.put("potentialImpact", m.potentialImpact());
      monitoring.put("notes", m.notes());
      monitoring.put("text", "verificable: " + yesNo(m.verifiable()) + " · relevante: " + yesNo(m.relevant())
          + " · impacto potencial: " + (m.potentialImpact() == null ? "sin valorar"
              : IrmScales.lower(IrmScales.potentialImpact(m.potentialImpact()))));
    } else {
      node.putNull("monitoring");
    }
    node.put("mayStar", m != null && m.mayStar());
    return node;
  }

  private static String yesNo(boolean value) {
    return value ? "sí" : "no";
  }

  /**
   * The rows of a progress report: one per activity of the commitment, with its current status, its indicator in
   * words, and an empty value reached (the STL measures it in each report).
   */
  public static ArrayNode progressRows(List<Commitment.Activity> activities) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (Commitment.Activity a : activities) {
      ObjectNode row = rows.addObject();
      row.put("activity", a.position());
      row.put("title", a.label());
      row.put("status", a.status());
      // What the indicator measures, from where to where; the form asks for the value reached (empty).
      row.put("indicatorText", a.indicator() + " · línea base: "
          + (a.baseline() == null || a.baseline().isBlank() ? "sin dato" : a.baseline()) + " · meta: " + a.target());
      row.put("value", "");
    }
    return rows;
  }

  /** The rows of the 6-month monitoring: one per commitment, nothing judged yet. */
  public static ArrayNode monitoringRows(List<CommitmentView> commitments) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (CommitmentView c : commitments) {
      ObjectNode row = commitmentRow(rows, c);
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
      ObjectNode row = commitmentRow(rows, c);
      row.put("monitoringSummary", IrmScales.monitoringSummary(c.monitoring()));
      row.putNull("completion");
      row.putNull("openedGovernment");
      row.put("notes", "");
    }
    return rows;
  }

  /** The rows of INAI's yearly evaluation: one per commitment, its monitoring result to read, completion so far. */
  public static ArrayNode yearEvaluationRows(List<CommitmentView> commitments) {
    ArrayNode rows = TaskInput.mapper().createArrayNode();
    for (CommitmentView c : commitments) {
      ObjectNode row = commitmentRow(rows, c);
      row.put("monitoringSummary", IrmScales.monitoringSummary(c.monitoring()));
      row.put("progressText", PlanLabels.progressBar(Progress.percent(c.progress())));
      row.putNull("completion");
      row.put("notes", "");
    }
    return rows;
  }

  /** A new row of INAI's tasks: which commitment (its position) and its title to read. */
  private static ObjectNode commitmentRow(ArrayNode rows, CommitmentView c) {
    ObjectNode row = rows.addObject();
    row.put("commitment", c.position());
    row.put("title", c.title());
    return row;
  }
}
