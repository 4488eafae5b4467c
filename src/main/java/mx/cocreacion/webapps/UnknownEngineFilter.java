package mx.cocreacion.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A mistyped webapp address such as {@code /camunda/app/tasklist/no/} is a Spanish 404 page. Camunda's
 * {@code ProcessEnginesFilter} takes the second segment for a process engine's name and serves the app's
 * index for it without checking that the engine exists, which ends in a {@code NullPointerException}
 * (a 500) in 7.24.0. The platform has one engine; any other name is "page not found".
 */
public class UnknownEngineFilter extends OncePerRequestFilter {

  /** Camunda's index-page addresses: {@code /app/<app>/<engine>/} with nothing after the engine. */
  static final Pattern INDEX_OF_ENGINE = Pattern.compile("/app/[\\w-]+/([\\w-]+)/?");

  private final String engineName;
  private final String applicationPath;

  UnknownEngineFilter(String engineName, String applicationPath) {
    this.engineName = engineName;
    this.applicationPath = applicationPath;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(applicationPath + "/app/")) {
      return true;
    }
    Matcher index = INDEX_OF_ENGINE.matcher(path.substring(applicationPath.length()));
    return !index.matches() || index.group(1).equals(engineName);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<UnknownEngineFilter> unknownEngine(ProcessEngine engine,
        org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda) {
      var filter = new UnknownEngineFilter(engine.getName(), camunda.getWebapp().getApplicationPath());
      var registration = new FilterRegistrationBean<>(filter);
      registration.setName("unknown-engine");
      // Before Camunda's webapp filters (ProcessEnginesFilter answers the index pages).
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/app/*");
      return registration;
    }
  }
}
