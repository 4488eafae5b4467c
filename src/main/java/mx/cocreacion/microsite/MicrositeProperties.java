package mx.cocreacion.microsite;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cocreacion.microsite.*}: how long the public read model (microsite, open data) is kept
 * before it is read again, and how many entries it may hold. A change of the plan of record evicts
 * it at once (on commit); the time-to-live only bounds what changes with time alone (overdue tasks).
 * {@code embed-origins.<tenant>}: the web origins (the organismo garante's portal) allowed to frame the
 * entidad's embeddable view ({@code /micrositio/<tenant>/insertar}); every other page is framed by no one else.
 */
@ConfigurationProperties("cocreacion.microsite")
public record MicrositeProperties(Duration cacheTtl, Integer cacheMaxEntries, Map<String, List<String>> embedOrigins) {

  /** A web origin: https (http only for this machine, to try it), a host, an optional port; no path. */
  private static final Pattern ORIGIN =
      Pattern.compile("^(https://[a-z0-9.-]+|http://(localhost|127\\.0\\.0\\.1))(:\\d{1,5})?$");

  public MicrositeProperties {
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(20) : cacheTtl;
    cacheMaxEntries = cacheMaxEntries == null ? 1000 : cacheMaxEntries;
    embedOrigins = embedOrigins == null ? Map.of() : Map.copyOf(embedOrigins);
    embedOrigins.forEach((tenant, origins) -> origins.forEach(origin -> {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalStateException("cocreacion.microsite.embed-origins." + tenant + ": «" + origin
            + "» no es un origen web (https://dominio[:puerto], sin ruta)");
      }
    }));
  }

  /** The origins (the garante's portal) that may frame the entidad's embeddable view; none by default. */
  public List<String> embedOriginsOf(String tenant) {
    return embedOrigins.getOrDefault(tenant, List.of());
  }
}
