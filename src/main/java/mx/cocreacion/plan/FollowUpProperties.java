package mx.cocreacion.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Step 6 calendar ({@code cocreacion.follow-up}): how long after the public launch INAI monitors
 * (seed: six months), how often the STL reports progress on each commitment (default monthly) and how long
 * after its due date INAI's evaluation still waits for the STL's self-assessment (default a week: the reminder at
 * the due date goes out first).
 */
@ConfigurationProperties("cocreacion.follow-up")
public record FollowUpProperties(String monitoringAfter, String reportPeriod, String selfAssessmentGrace) {

  public FollowUpProperties {
    monitoringAfter = monitoringAfter == null ? "P6M" : monitoringAfter;
    reportPeriod = reportPeriod == null ? "P1M" : reportPeriod;
    selfAssessmentGrace = selfAssessmentGrace == null ? "P7D" : selfAssessmentGrace;
  }
}
