package mx.cocreacion.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A repeat visit to Tasklist, Cockpit or Admin transfers almost nothing: the webapps' scripts, styles,
 * fonts and images that carry a version in their address (Camunda's {@code ?bust=7.24.0}, the webjars'
 * {@code /webjars/<name>/<version>/}) may be kept a year by the browser ({@code immutable}). Camunda's own
 * {@code CacheControlFilter} would say {@code no-cache} on them; this filter's header wins.
 *
 * <p>Not for the project's own files that Camunda loads under the same {@code ?bust=} (the apps'
 * {@code scripts/}, {@code locales/} and {@code styles/}): they change with the project, not with Camunda,
 * so they keep Camunda's {@code no-cache} (the browser revalidates them with their date and gets a 304).
 * Compression (gzip) is Spring Boot's {@code server.compression} (application.yaml).
 */
public class StaticAssetCacheFilter extends OncePerRequestFilter {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  /** The project's own files inside the webapps (src/main/resources/META-INF/resources/webjars/camunda/app/). */
  static final List<String> OWN = List.of("/scripts/", "/locales/", "/styles/");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/webjars/")) {
      return false; // versioned by their path
    }
    boolean webapp = path.startsWith("/camunda/app/") || path.startsWith("/camunda/lib/")
        || path.startsWith("/camunda/assets/");
    boolean own = path.startsWith("/camunda/app/") && OWN.stream().anyMatch(path::contains);
    return !webapp || own || request.getParameter("bust") == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", IMMUTABLE);
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!isCacheHeader(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!isCacheHeader(name)) {
          super.addHeader(name, value);
        }
      }

      @Override
      public void setDateHeader(String name, long date) {
        if (!isCacheHeader(name)) {
          super.setDateHeader(name, date);
        }
      }
    });
  }

  private static boolean isCacheHeader(String name) {
    return "Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<StaticAssetCacheFilter> staticAssetCache() {
      var registration = new FilterRegistrationBean<>(new StaticAssetCacheFilter());
      registration.setName("static-asset-cache");
      // Before Camunda's filters, so its Cache-Control is the one that is ignored.
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      registration.addUrlPatterns("/camunda/app/*", "/camunda/lib/*", "/camunda/assets/*", "/webjars/*");
      return registration;
    }
  }
}
