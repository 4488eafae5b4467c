package mx.cocreacion.operations;

import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Health of the mail server (bean {@code mailHealthIndicator}, component {@code mail}; it replaces
 * Spring Boot's own mail indicator). Reachable: {@code UP}. Unreachable: {@code DEGRADED}, not
 * {@code DOWN}: the platform keeps working and reminder jobs retry (then raise an incident), so a
 * mail outage must not make a load balancer or orchestrator take the node out; the overall status
 * becomes {@code DEGRADED} ({@code management.endpoint.health.status.order}), answered with HTTP 200. The
 * answer is kept for {@code cocreacion.operations.mail-check-cache} so that frequent probes don't
 * open an SMTP connection each.
 */
public class MailHealthIndicator extends AbstractHealthIndicator {

  /** No description: anonymous callers of /actuator/health see the status code only. */
  public static final Status DEGRADED = new Status("DEGRADED");

  private final JavaMailSenderImpl mailSender;
  private final OperationsProperties properties;
  private volatile Health last;
  private volatile Instant checkedAt = Instant.EPOCH;

  public MailHealthIndicator(JavaMailSenderImpl mailSender, OperationsProperties properties) {
    super("La comprobación del servidor de correo falló");
    this.mailSender = mailSender;
    this.properties = properties;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Health known = last;
    if (known == null || !checkedAt.plus(properties.mailCheckCache()).isAfter(Instant.now())) {
      known = check();
      last = known;
      checkedAt = Instant.now();
    }
    builder.status(known.getStatus()).withDetails(known.getDetails());
  }

  private Health check() {
    Health.Builder result = new Health.Builder().withDetail("location", mailSender.getHost() + ":" + mailSender.getPort());
    try {
      mailSender.testConnection();
      return result.up().build();
    } catch (Exception e) {
      return result.status(DEGRADED).withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
  }
}
