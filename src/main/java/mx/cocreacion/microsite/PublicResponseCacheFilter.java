package mx.cocreacion.microsite;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.util.DigestUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public pages and open data as served: the rendered HTML of the microsite ({@code /micrositio},
 * an entidad's page, a year's page) and the open-data JSON and CSV bodies are kept in the
 * {@link PublicDataCache}, so they are rendered or serialised once per change of the plan of record
 * (dropped when a write commits) and at most {@code cocreacion.microsite.cache-ttl} old, not once per
 * request. Only successful ({@code 200}) answers of {@code GET}s without other query parameters than
 * {@code year} are kept; everything else goes through as before.
 *
 * <p>Every kept answer carries an {@code ETag} and {@code Cache-Control: no-cache} (a client that holds
 * it gets {@code 304}), and is also kept gzip-compressed: a client that accepts gzip (every browser)
 * gets the compressed bytes, compressed once rather than per request.
 */
public class PublicResponseCacheFilter extends OncePerRequestFilter {

  /** After the security headers (0) and engine REST's authentication (1): those apply to every answer. */
  static final int ORDER = 10;

  private static final Pattern CACHED_PATHS = Pattern.compile(
      "/micrositio(/[^./]+(/\\d{4})?)?/?|/api/public/exercises(\\.csv)?|/api/public/exercises/[^./]+/commitments(\\.csv)?");
  private static final Pattern CACHED_QUERY = Pattern.compile("year=\\d{4}");
  /** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
  private static final int GZIP_FROM_BYTES = 1024;

  private final PublicDataCache cache;

  public PublicResponseCacheFilter(PublicDataCache cache) {
    this.cache = cache;
  }

  /** An answer as served: status 200, its content headers, the body and its gzip form (or null). */
  record Answer(String contentType, String contentDisposition, String contentLanguage, byte[] body, byte[] gzip,
      String etag) {

    static Answer of(ContentCachingResponseWrapper response) {
      byte[] body = response.getContentAsByteArray();
      byte[] gzip = compressible(response.getContentType()) && body.length >= GZIP_FROM_BYTES ? compress(body) : null;
      return new Answer(response.getContentType(), response.getHeader(HttpHeaders.CONTENT_DISPOSITION),
          response.getHeader(HttpHeaders.CONTENT_LANGUAGE), body, gzip, DigestUtils.md5DigestAsHex(body));
    }

    String etag(boolean gzipped) {
      return "\"" + etag + (gzipped ? "-gz" : "") + "\"";
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return true;
    }
    String query = request.getQueryString();
    return !(query == null || CACHED_QUERY.matcher(query).matches())
        || !CACHED_PATHS.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    String key = "response:" + path(request) + (query == null ? "" : "?" + query);
    ContentCachingResponseWrapper[] uncached = new ContentCachingResponseWrapper[1];
    Answer answer;
    try {
      answer = cache.get(key, () -> {
      var wrapper = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapper);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ServletException e) {
        throw new ServletFailure(e);
      }
      if (wrapper.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()) {
        uncached[0] = wrapper;
        return null;
      }
      return Answer.of(wrapper);
      }, value -> value != null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (ServletFailure e) {
      throw (ServletException) e.getCause();
    }
    if (answer == null) {
      uncached[0].copyBodyToResponse(); // an error or a not found: as the controller answered it
      return;
    }
    serve(answer, request, response);
  }

  private static void serve(Answer answer, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean gzipped = answer.gzip() != null && acceptsGzip(request);
    String etag = answer.etag(gzipped);
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    String held = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (held != null && (held.contains(etag) || held.trim().equals("*"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(answer.contentType());
    if (answer.contentDisposition() != null) {
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, answer.contentDisposition());
    }
    if (answer.contentLanguage() != null) {
      response.setHeader(HttpHeaders.CONTENT_LANGUAGE, answer.contentLanguage());
    }
    byte[] body = gzipped ? answer.gzip() : answer.body();
    if (gzipped) {
      response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Whether the client takes gzip ({@code Accept-Encoding: gzip}, not with {@code q=0}). */
  static boolean acceptsGzip(HttpServletRequest request) {
    var values = request.getHeaders(HttpHeaders.ACCEPT_ENCODING);
    while (values != null && values.hasMoreElements()) {
      for (String coding : values.nextElement().split(",")) {
        String[] parts = coding.trim().toLowerCase(Locale.ROOT).split(";");
        if (parts[0].trim().equals("gzip")) {
          return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
        }
      }
    }
    return false;
  }

  private static boolean compressible(String contentType) {
    return contentType != null && (contentType.startsWith("text/") || contentType.startsWith("application/json"));
  }

  private static byte[] compress(byte[] body) {
    var bytes = new ByteArrayOutputStream(body.length / 4 + 64);
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** A servlet failure of the chain, carried through the cache's supplier and thrown again. */
  private static class ServletFailure extends RuntimeException {
    ServletFailure(ServletException cause) {
      super(cause);
    }
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<PublicResponseCacheFilter> publicResponseCache(PublicDataCache cache) {
      var registration = new FilterRegistrationBean<>(new PublicResponseCacheFilter(cache));
      registration.setName("public-response-cache");
      registration.setOrder(ORDER);
      registration.addUrlPatterns("/micrositio", "/micrositio/*", "/api/public/*");
      registration.setDispatcherTypes(DispatcherType.REQUEST);
      return registration;
    }
  }
}
