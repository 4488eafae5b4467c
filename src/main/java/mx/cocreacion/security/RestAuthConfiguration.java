package mx.cocreacion.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Engine REST ({@code /engine-rest}) requires HTTP Basic authentication: every request runs as
 * the authenticated user with their groups and tenants, so authorizations and tenant checks apply.
 * Successful logins are kept for a short while ({@link RestAuthenticationCache}).
 */
@Configuration
class RestAuthConfiguration {

  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication(JerseyApplicationPath restPath, RestAuthenticationCache cache,
      ObjectProvider<ProcessEngine> engine) {
    var registration = new FilterRegistrationBean<Filter>(
        new BasicAuthenticationFilter(new CachingBasicAuthentication(cache), engine));
    registration.setName("engine-rest-basic-auth");
    registration.setOrder(1);
    registration.addUrlPatterns(restPath.getUrlMapping());
    return registration;
  }

  /**
   * Camunda's filter with a provider built by Spring (Camunda's own instantiates it by class name), and the
   * application's engine found without Camunda's look-up, which loads the {@code ProcessEngineProvider} services
   * anew at every request (0.5 % of a node's request CPU in the benchmark's walk). Another engine name is looked up
   * as Camunda does.
   */
  static final class BasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final ObjectProvider<ProcessEngine> engines;
    private volatile ProcessEngine engine;

    BasicAuthenticationFilter(HttpBasicAuthenticationProvider provider, ObjectProvider<ProcessEngine> engines) {
      this.authenticationProvider = provider;
      this.engines = engines;
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
      ProcessEngine known = engine;
      if (known == null) {
        known = engines.getIfUnique();
        if (known == null) {
          return super.getAddressedEngine(engineName);
        }
        engine = known;
      }
      return engineName == null || engineName.equals(known.getName()) ? known : super.getAddressedEngine(engineName);
    }

    @Override
    public void init(FilterConfig filterConfig) {
      this.servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
    }
  }

  /**
   * Camunda's HTTP Basic check (password, login throttling) on a cache miss; the groups and tenants
   * are read once per login and handed to the filter, which otherwise reads them on every request.
   */
  static final class CachingBasicAuthentication extends HttpBasicAuthenticationProvider {

    private final RestAuthenticationCache cache;

    CachingBasicAuthentication(RestAuthenticationCache cache) {
      this.cache = cache;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      String header = request.getHeader(HttpHeaders.AUTHORIZATION);
      RestAuthenticationCache.Login known = cache.find(header);
      if (known != null) {
        return result(known);
      }
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (!result.isAuthenticated()) {
        cache.forget(result.getAuthenticatedUser());
        return result;
      }
      IdentityService identity = engine.getIdentityService();
      String userId = result.getAuthenticatedUser();
      var login = new RestAuthenticationCache.Login(userId,
          identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
          identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
              .map(Tenant::getId).toList());
      cache.remember(header, login);
      return result(login);
    }

    private static AuthenticationResult result(RestAuthenticationCache.Login login) {
      AuthenticationResult result = AuthenticationResult.successful(login.userId());
      result.setGroups(List.copyOf(login.groups()));
      result.setTenants(List.copyOf(login.tenants()));
      return result;
    }
  }
}
