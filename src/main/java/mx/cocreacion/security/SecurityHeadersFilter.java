package mx.cocreacion.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: SAMEORIGIN} (Cockpit and Tasklist only frame their own pages) and
 * {@code Referrer-Policy: strict-origin-when-cross-origin}. The public microsite
 * ({@code /micrositio/**}) also gets a Content-Security-Policy that allows only the application's
 * own scripts, styles and images; the account pages ({@code /cuenta/**}, which carry an invitation
 * token) a stricter one, no framing, no referrer and no caching; the personal calendar feeds
 * ({@code /calendario/**}, whose URL carries their secret token) no framing, no referrer and a CSP that lets nothing run. The Camunda webapps ({@code /camunda/**}) get no CSP from here:
 * Camunda's own header filter sets theirs.
 *
 * <p>The headers are set before the rest of the chain runs, so responses that other filters end
 * early (the 401 of engine REST's Basic authentication, order 1) carry them too; filters that run
 * later (Camunda's webapp header filter) may still replace them with their own values.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  /** Runs before engine REST's authentication filter (order 1) and Camunda's webapp filters. */
  public static final int ORDER = 0;

  /** The embeddable view of an entidad's exercise, which its garante's portal may frame. */
  static final Pattern EMBED = Pattern.compile("/micrositio/[a-z]+/insertar");

  static final String MICROSITE_CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // The progress bars' width is a style attribute (style="width: 40%"); no <style> or inline script.
      "style-src-attr 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'self'");

  /** The microsite's policy with these origins also allowed to frame the page (besides the application). */
  public static String micrositeCsp(List<String> frameAncestors) {
    return frameAncestors.isEmpty() ? MICROSITE_CSP
        : MICROSITE_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'self' " + String.join(" ", frameAncestors));
  }

  /** The account pages carry an invitation token: never framed, cached or sent on as a referrer. */
  static final String ACCOUNT_CSP = String.join("; ",
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'");

  /** A personal calendar feed is data, never a page: nothing in it runs, loads or is framed. */
  static final String FEED_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!EMBED.matcher(path).matches()) {
      // The embeddable view says who may frame it with its CSP's frame-ancestors alone (micrositeCsp).
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
    }
    if (path.equals("/micrositio") || path.startsWith("/micrositio/")) {
      response.setHeader("Content-Security-Policy", MICROSITE_CSP);
    } else if (path.equals("/cuenta") || path.startsWith("/cuenta/")) {
      response.setHeader("Content-Security-Policy", ACCOUNT_CSP);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Cache-Control", "no-store");
    } else if (path.startsWith("/calendario/")) {
      // A personal calendar feed: its URL is its secret (calendar package).
      response.setHeader("Content-Security-Policy", FEED_CSP);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
    }
    chain.doFilter(request, response);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
      var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
      registration.setName("security-headers");
      registration.setOrder(ORDER);
      registration.addUrlPatterns("/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
      return registration;
    }
  }
}
