package mx.cocreacion.microsite;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One commitment of a PAL as the public sees it: problem, ODS, quality criteria, activities with
 * status, progress (percent), its dated progress reports, and INAI's monitoring and evaluation
 * once they exist.
 */
public record PublicCommitment(
    int position,
    String title,
    String problem,
    String description,
    String responsible,
    List<Integer> sdgs,
    Map<String, Boolean> criteria,
    boolean approved,
    int progress,
    boolean starred,
    List<Activity> activities,
    List<Report> reports,
    Monitoring monitoring,
    Evaluation evaluation) {

  public record Activity(int position, String title, String product, String indicator, String baseline, String target,
      LocalDate dueDate, String status) {}

  public record Report(int number, LocalDate reportedAt, int progress, String evidenceUrl, String evidenceName) {}

  public record Monitoring(boolean verifiable, boolean relevant, String potentialImpact, String notes) {}

  public record Evaluation(String completion, String openedGovernment, String notes) {}
}
