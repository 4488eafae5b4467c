package mx.cocreacion.plan;

import java.time.Instant;
import java.time.Period;
import mx.cocreacion.validation.Dates;
import org.springframework.stereotype.Component;

/**
 * The calendar of a PAL's implementation ({@code cocreacion.follow-up}): INAI monitors the commitments a
 * while after the public launch (the seed: six months), before the evaluations: one at the end of each year of
 * implementation counted from the launch that ends before the PAL does, and the final one at the end of the PAL;
 * the STL reports progress on each commitment every report period. Step 5 checks the launch against it, step 6's timers
 * follow it.
 */
@Component
public class PalCalendar {

  private final Period monitoringAfter;
  private final String reportPeriod;
  private final Period selfAssessmentGrace;

  public PalCalendar(FollowUpProperties properties) {
    this.monitoringAfter = Period.parse(properties.monitoringAfter());
    this.reportPeriod = properties.reportPeriod();
    this.selfAssessmentGrace = Period.parse(properties.selfAssessmentGrace());
  }

  /** The end of year {@code year} (1, 2 ...) of implementation of a PAL launched on {@code launch}, in Mexico City. */
  public Instant yearEnd(Instant launch, int year) {
    return launch.atZone(Dates.MEXICO).plusYears(year).toInstant();
  }

  /** Whether year {@code year} of implementation ends strictly before the PAL does (then it has its evaluation). */
  public boolean yearEndsBefore(Instant launch, int year, Instant palEnd) {
    return yearEnd(launch, year).isBefore(palEnd);
  }

  /** When INAI's evaluation stops waiting for a self-assessment due on {@code due}. */
  public Instant selfAssessmentCloses(Instant due) {
    return due.atZone(Dates.MEXICO).plus(selfAssessmentGrace).toInstant();
  }

  /** When INAI monitors a PAL launched on {@code launch}: six months later, in Mexico City's calendar. */
  public Instant monitoringDate(Instant launch) {
    return launch.atZone(Dates.MEXICO).plus(monitoringAfter).toInstant();
  }

  /** The last launch date that leaves INAI's monitoring before the PAL ends. */
  public Instant latestLaunch(Instant palEnd) {
    return palEnd.atZone(Dates.MEXICO).minus(monitoringAfter).toInstant();
  }

  /** "6 meses", as people read the time between the launch and the monitoring. */
  public String monitoringAfterText() {
    int months = (int) monitoringAfter.toTotalMonths();
    int days = monitoringAfter.getDays();
    String m = months == 0 ? "" : months + (months == 1 ? " mes" : " meses");
    String d = days == 0 ? "" : days + (days == 1 ? " día" : " días");
    return m.isEmpty() ? d : d.isEmpty() ? m : m + " y " + d;
  }

  /** ISO 8601 duration between two progress reports of a commitment. */
  public String reportPeriod() {
    return reportPeriod;
  }
}
