package mx.cocreacion.completion;

import jakarta.ws.rs.core.FeatureContext;
import mx.cocreacion.security.CamundaRefusalMapper;
import mx.cocreacion.security.RefusalExceptionMapper;
import mx.cocreacion.security.TenantCheckExceptionMapper;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers the {@link ValidationExceptionMapper}s in every Jersey application of the app: the
 * engine REST ({@code /engine-rest}) and the webapps' engine API ({@code /camunda/api/engine},
 * which Tasklist uses to submit forms). Listed in {@code META-INF/services}. Also registers the
 * {@link TenantCheckExceptionMapper}s (another entidad's task or instance: 404, not 500) and the
 * {@link RefusalExceptionMapper}s (what the trust boundary refuses: 403, 404 or 409 in Spanish).
 */
public class ValidationAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    context.register(ValidationExceptionMapper.ForValidationException.class);
    context.register(ValidationExceptionMapper.ForRestException.class);
    context.register(ValidationExceptionMapper.ForProcessEngineException.class);
    context.register(EngineRuleExceptionMapper.ForRestException.class);
    context.register(EngineRuleExceptionMapper.ForProcessEngineException.class);
    context.register(TenantCheckExceptionMapper.ForRestException.class);
    context.register(TenantCheckExceptionMapper.ForProcessEngineException.class);
    context.register(RefusalExceptionMapper.ForRestException.class);
    context.register(RefusalExceptionMapper.ForProcessEngineException.class);
    context.register(CamundaRefusalMapper.ForRestException.class);
    context.register(CamundaRefusalMapper.ForProcessEngineException.class);
  }
}
