package mx.cocreacion.operations;

import java.time.Duration;
import java.util.List;
import mx.cocreacion.security.Roles;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cocreacion.operations.*}: how long the figures of the metrics and the mail check are kept
 * before they are computed again, and which Camunda groups may read the protected actuator
 * endpoints (metrics, health details).
 */
@ConfigurationProperties("cocreacion.operations")
public record OperationsProperties(Duration metricsCache, Duration mailCheckCache, List<String> actuatorGroups) {

  public OperationsProperties {
    metricsCache = metricsCache == null ? Duration.ofSeconds(30) : metricsCache;
    mailCheckCache = mailCheckCache == null ? Duration.ofSeconds(60) : mailCheckCache;
    actuatorGroups = actuatorGroups == null || actuatorGroups.isEmpty()
        ? List.of(Roles.CAMUNDA_ADMIN, Roles.INAI) : List.copyOf(actuatorGroups);
  }
}
