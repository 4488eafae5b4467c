package mx.cocreacion.completion;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers the {@link ValidationExceptionMapper}s in every Jersey application of the app: the
 * engine REST ({@code /engine-rest}) and the webapps' engine API ({@code /camunda/api/engine},
 * which Tasklist uses to submit forms). Listed in {@code META-INF/services}.
 */
public class ValidationAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(ValidationExceptionMapper.ForValidationException.class);
    context.register(ValidationExceptionMapper.ForRestException.class);
    context.register(ValidationExceptionMapper.ForProcessEngineException.class);
  }
}
