package mx.cocreacion.microsite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.microsite.NationalFiles.ExerciseCommitments;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentCsv;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.EvaluationRound;

/**
 * The files of the follow-up of the plans: every activity of every commitment, one row each, and every assessment
 * INAI made of a commitment (the six-month monitoring, the evaluation of each year of implementation and the final
 * evaluation), one row each. Their rows begin as the national commitments file's ({@link NationalFiles#WHOSE}), so
 * they join with it by {@code commitmentId}; national (every entidad's exercise) or one entidad's, with the same
 * columns. Formula-like text cells are neutralised ({@link CommitmentCsv#cell}).
 */
public final class FollowUpFiles {

  /** The activities file: whose, the commitment, the activity as the plan of record has it, overdue, last value. */
  public static final List<String> ACTIVITY_COLUMNS = NationalFiles.whoseAnd(List.of("commitment", "commitmentTitle",
      "activity", "activity_title", "product", "indicator", "baseline", "target", "dueDate", "status", "overdue",
      "currentValue", "currentValueOn"));

  /** The assessments file: whose, the commitment, which assessment, and the IRM scales it used. */
  public static final List<String> ASSESSMENT_COLUMNS = NationalFiles.whoseAnd(List.of("commitment", "kind", "round",
      "implementationYear", "periodEnd", "recordedAt", "verifiable", "relevant", "potentialImpact", "completion",
      "openedGovernment", "notes"));

  /** The kinds of assessment, values of {@code kind}. */
  public static final String MONITORING = "monitoring";
  public static final String YEAR_EVALUATION = "year-evaluation";
  public static final String FINAL_EVALUATION = "final-evaluation";
  public static final List<String> KINDS = List.of(MONITORING, YEAR_EVALUATION, FINAL_EVALUATION);

  private FollowUpFiles() {}

  /**
   * The activities file as CSV: one row per activity, in the plan's order; {@code overdue} on {@code today} (a day in
   * Mexico City), as the forms say it: past its due date and not done.
   */
  public static String activitiesCsv(List<ExerciseCommitments> all, LocalDate today) {
    return NationalFiles.write(ACTIVITY_COLUMNS, printer -> {
      for (ExerciseCommitments e : all) {
        for (CommitmentView c : e.commitments()) {
          for (Commitment.Activity a : c.activities()) {
            CommitmentView.Measure measured = c.latestValue(a.position());
            List<Object> row = e.whose(c);
            row.addAll(List.of(c.position(), c.title(), a.position(), NationalFiles.text(a.title()),
                NationalFiles.text(a.product()), NationalFiles.text(a.indicator()), NationalFiles.text(a.baseline()),
                NationalFiles.text(a.target()), a.dueDate() == null ? "" : a.dueDate().toString(),
                NationalFiles.text(a.status()), a.isOverdue(today), measured == null ? "" : measured.value(),
                measured == null ? "" : measured.reportedOn().toString()));
            printer.printRecord(row.stream().map(CommitmentCsv::cell).toList());
          }
        }
      }
    });
  }

  /**
   * The assessments file as CSV: for each commitment in the plan's order, its monitoring, its evaluation in each year
   * of implementation, then its final evaluation, each once INAI recorded it. A column an assessment does not use is
   * empty (a monitoring has no completion, an evaluation no potential impact).
   */
  public static String assessmentsCsv(List<ExerciseCommitments> all) {
    return NationalFiles.write(ASSESSMENT_COLUMNS, printer -> {
      for (ExerciseCommitments e : all) {
        for (CommitmentView c : e.commitments()) {
          for (List<Object> assessment : assessments(e, c)) {
            List<Object> row = e.whose(c);
            row.add(c.position());
            row.addAll(assessment);
            printer.printRecord(row.stream().map(CommitmentCsv::cell).toList());
          }
        }
      }
    });
  }

  /** The cells after {@code commitment} of each of {@code c}'s assessments. */
  private static List<List<Object>> assessments(ExerciseCommitments e, CommitmentView c) {
    List<EvaluationRound> rounds = e.evaluations();
    List<List<Object>> out = new ArrayList<>();
    CommitmentView.Monitoring m = c.monitoring();
    if (m != null) {
      out.add(List.of(MONITORING, "", "", "", e.monitoredAt() == null ? "" : e.monitoredAt().toString(), m.verifiable(),
          m.relevant(), NationalFiles.text(m.potentialImpact()), "", "", NationalFiles.text(m.notes())));
    }
    for (EvaluationRound round : rounds) {
      if (round.finalRound()) {
        continue;
      }
      round.assessments().stream().filter(a -> a.commitment() == c.position()).forEach(a -> out.add(
          evaluation(YEAR_EVALUATION, round, a.completion(), "", a.notes())));
    }
    CommitmentView.Evaluation v = c.evaluation();
    if (v != null) {
      EvaluationRound last = rounds.stream().filter(EvaluationRound::finalRound).findFirst().orElse(null);
      out.add(evaluation(FINAL_EVALUATION, last, v.completion(), v.openedGovernment(), v.notes()));
    }
    return out;
  }

  /** An evaluation's cells: its round (number, year of implementation, end of the period, when INAI recorded it). */
  private static List<Object> evaluation(String kind, EvaluationRound round, String completion, String openedGovernment,
      String notes) {
    List<Object> cells = new ArrayList<>(List.of(kind));
    cells.add(round == null ? "" : round.round());
    cells.add(round == null || round.year() == null ? "" : round.year());
    cells.add(round == null || round.periodEnd() == null ? "" : round.periodEnd().toString());
    cells.add(round == null || round.evaluatedAt() == null ? "" : round.evaluatedAt().toString());
    cells.addAll(List.of("", "", "", NationalFiles.text(completion), NationalFiles.text(openedGovernment),
        NationalFiles.text(notes)));
    return cells;
  }
}
