package mx.cocreacion.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Step 6 calendar ({@code cocreacion.follow-up}): how long after the public launch INAI monitors
 * (seed: six months) and how often the STL reports progress on each commitment (default monthly).
 */
@ConfigurationProperties("cocreacion.follow-up")
public record FollowUpProperties(String monitoringAfter, String reportPeriod) {

  public FollowUpProperties {
    monitoringAfter = monitoringAfter == null ? "P6M" : monitoringAfter;
    reportPeriod = reportPeriod == null ? "P1M" : reportPeriod;
  }
}
