package mx.cocreacion.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One commitment of a PAL as people read it: what was agreed (problem, ODS, quality criteria, activities with
 * their status), whether the STL approved it, its progress in whole percent, its dated progress reports, and
 * INAI's monitoring and evaluation once they exist, the STL's votes on it in step 4 (its approval history: who
 * approved or returned it in which vote, and why), and, once the STL amended it, every version of its activities
 * ({@code versions}: the first as approved, then one per approved amendment) and every amendment proposed
 * ({@code amendments}: approved, rejected or in vote). The one read model of a commitment, built by
 * {@link CommitmentViews}: the microsite, the open data (JSON and CSV), the PDFs and the forms' summaries read it.
 */
public record CommitmentView(
    int position,
    String title,
    @Schema(nullable = true) String problem,
    @Schema(nullable = true) String description,
    @Schema(nullable = true) String responsible,
    List<Integer> sdgs,
    Map<String, Boolean> criteria,
    boolean approved,
    int progress,
    boolean starred,
    List<Commitment.Activity> activities,
    List<Report> reports,
    @Schema(nullable = true) Monitoring monitoring,
    @Schema(nullable = true) Evaluation evaluation,
    List<Vote> approvalHistory,
    List<CommitmentVersion> versions,
    List<Change> amendments,
    List<Measure> indicatorValues) {

  /** "Compromiso 2. Presupuesto abierto" reads "2. Presupuesto abierto". */
  public String numberedTitle() {
    return position + ". " + title;
  }

  /**
   * A dated progress report ("primer avance"...), its progress then, the evidence it links, what it told, and the
   * values of the activities' indicators it measured.
   */
  public record Report(int number, LocalDate reportedAt, int progress, @Schema(nullable = true) String evidenceUrl,
      @Schema(nullable = true) String evidenceName, @Schema(nullable = true) String narrative, List<Measure> values,
      @Schema(nullable = true) String evidenceFileUrl) {}

  /**
   * The value an activity's indicator had reached, as a progress report measured it (the seed: the dashboard
   * measures the current state against specific indicators): which activity, the value, the day, which report.
   */
  public record Measure(int activity, String value, LocalDate reportedOn, int report) {}

  /** The latest measured value of the activity's indicator, or null when no report measured it. */
  public Measure latestValue(int activity) {
    return indicatorValues.stream().filter(m -> m.activity() == activity).findFirst().orElse(null);
  }

  /**
   * One STL titular's vote on the commitment in one vote ({@code round}) of step 4: the seat (name and sector,
   * never the account), approved or returned, the comment, the day. Public, as the STL's members are.
   */
  public record Vote(int round, String name, String sector, boolean approved, @Schema(nullable = true) String comments,
      LocalDate votedAt) {}

  /** INAI's 6-month monitoring (after OGP's IRM). */
  public record Monitoring(boolean verifiable, boolean relevant, String potentialImpact,
      @Schema(nullable = true) String notes) {

    /** "Verificable; relevante; impacto potencial: transformador". */
    public String summary() {
      return IrmScales.monitoringSummary(verifiable, relevant, potentialImpact);
    }

    /** Verifiable, relevant and transformative: the commitment is starred if its completion is substantial or complete. */
    public boolean mayStar() {
      return Assessment.mayStar(verifiable, relevant, potentialImpact);
    }
  }

  /** INAI's evaluation at a year's end of the PAL. */
  public record Evaluation(String completion, String openedGovernment, @Schema(nullable = true) String notes) {}

  /**
   * An amendment as the public reads it: when it was proposed, what it changes in words, why, what the STL
   * decided and when, the votes for and against, and the version it made (approved ones).
   */
  public record Change(LocalDate proposedOn, String kind, String change, String reason, String status,
      String statusText, @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) Integer version, long votesFor,
      long votesAgainst) {}
}
