package mx.cocreacion.operations;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers the {@link DatabaseFaultExceptionMapper}s in every Jersey application of the app (engine REST
 * and the webapps' APIs). Listed in {@code META-INF/services}.
 */
public class DatabaseFaultAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(DatabaseFaultExceptionMapper.ForRestException.class);
    context.register(DatabaseFaultExceptionMapper.ForProcessEngineException.class);
    context.register(DatabaseFaultExceptionMapper.ForRuntimeException.class);
  }
}
