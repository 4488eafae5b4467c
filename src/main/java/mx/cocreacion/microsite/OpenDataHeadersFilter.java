package mx.cocreacion.microsite;

import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every open-data answer ({@code /api/public/**}, {@code /data.json}) says besides its body: the licence it is
 * published under ({@code Link: <…>; rel="license"}, its title in {@code title*}), and that any web page may read it
 * ({@code Access-Control-Allow-Origin: *}, with the headers a harvester revalidates with). Set before the chain
 * runs, so the answers {@link PublicResponseCacheFilter} serves from memory carry them too. The personal
 * calendar feeds ({@code /calendario/**}) and everything else stay closed to other origins.
 */
public class OpenDataHeadersFilter extends OncePerRequestFilter {

  /** The symbols RFC 8187's attr-char allows besides letters and digits. */
  private static final String ATTR_SYMBOLS = "!#$&+-.^_`|~";

  private final String link;

  OpenDataHeadersFilter(OpenDataTerms terms) {
    this.link = licenceLink(terms.licence());
  }

  /**
   * The {@code Link} to the licence (RFC 8288): its title in {@code title*} as RFC 8187 spells a non-ASCII value
   * ({@code UTF-8''T%C3%A9rminos…}), which RFC 8288 asks for, and in {@code title} without accents for clients that
   * read only that one (a header carries ASCII alone).
   */
  static String licenceLink(OpenDataTerms.Licence licence) {
    String ascii = Normalizer.normalize(licence.name(), Normalizer.Form.NFD).replaceAll("[^\\x20-\\x7E]", "")
        .replace("\\", "").replace("\"", "'");
    return "<" + licence.url() + ">; rel=\"license\"; title=\"" + ascii + "\"; title*=UTF-8''" + extValue(licence.name());
  }

  /** RFC 8187's value-chars: attr-chars as they are, every other UTF-8 byte percent-encoded. */
  private static String extValue(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_SYMBOLS.indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      response.setHeader("Access-Control-Allow-Origin", "*");
      response.setHeader("Access-Control-Expose-Headers", "ETag, Last-Modified, Link, Content-Disposition");
      response.addHeader("Link", link);
    }
    chain.doFilter(request, response);
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<OpenDataHeadersFilter> openDataHeaders(OpenDataTerms terms) {
      var registration = new FilterRegistrationBean<>(new OpenDataHeadersFilter(terms));
      registration.setName("open-data-headers");
      registration.setOrder(PublicResponseCacheFilter.ORDER - 1);
      registration.addUrlPatterns("/api/public/*", "/data.json");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      return registration;
    }

    /**
     * The OpenAPI description states the licence of the data it describes, and that reading it needs no credentials
     * (an empty security requirement on every open-data operation, where the task endpoints name HTTP Basic).
     */
    @Bean
    OpenApiCustomizer openDataLicence(OpenDataTerms terms) {
      return openApi -> {
        openApi.getInfo().license(new License().name(terms.licence().name()).url(terms.licence().url()));
        if (openApi.getPaths() != null) {
          openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/public/")) {
              item.readOperations().forEach(operation -> operation.setSecurity(List.of(new SecurityRequirement())));
            }
          });
        }
      };
    }
  }
}
