package mx.cocreacion.webapps;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers {@link FilterCountsInOneCommand} in every Jersey application of the app: the engine REST
 * ({@code /engine-rest}) and the webapps' engine API ({@code /camunda/api/engine}, which Tasklist calls).
 * Listed in {@code META-INF/services}.
 */
public class WebappsAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(FilterCountsInOneCommand.class);
  }
}
