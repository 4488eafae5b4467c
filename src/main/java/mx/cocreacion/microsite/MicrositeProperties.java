package mx.cocreacion.microsite;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cocreacion.microsite.*}: how long the public read model (microsite, open data) is kept
 * before it is read again, and how many entries it may hold. A change of the plan of record evicts
 * it at once (on commit); the time-to-live only bounds what changes with time alone (overdue tasks).
 */
@ConfigurationProperties("cocreacion.microsite")
public record MicrositeProperties(Duration cacheTtl, Integer cacheMaxEntries) {

  public MicrositeProperties {
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(20) : cacheTtl;
    cacheMaxEntries = cacheMaxEntries == null ? 1000 : cacheMaxEntries;
  }
}
