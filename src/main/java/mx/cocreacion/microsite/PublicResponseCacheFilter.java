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
 * an entidad's public calendar {@code /micrositio/<tenant>/calendario.ics},
 * an entidad's page, a year's page) and the open-data JSON and CSV bodies are kept in the
 * {@link PublicDataCache}, so they are rendered or serialised once per change of the plan of record
 * (dropped when a write commits), not once per request. What changes with time alone (overdue tasks)
 * may be up to twice {@code cocreacion.microsite.cache-ttl} old: a page kept for that long may have
 * been rendered from read-model entries already that old.
 *
 * <p>Only successful ({@code 200}) answers to {@code GET} are kept, and only for the paths as the
 * microsite links them: no path parameters ({@code ;}) or percent-escapes, and no query except
 * {@code year=AAAA} on an exercise's commitments, activities, assessments and reports and on the national files of
 * them; a crawler cannot fill the cache with spellings of one
 * page. Everything else goes through as before. A {@code HEAD} gets a kept answer's headers, or goes
 * through when nothing is kept.
 *
 * <p>Every kept answer carries an {@code ETag} and {@code Cache-Control: no-cache} (a client that holds
 * it gets {@code 304}), and is also kept gzip-compressed: a client that accepts gzip (every browser)
 * gets the compressed bytes, compressed once rather than per request.
 */
public class PublicResponseCacheFilter extends OncePerRequestFilter {

  /** After the security headers (0) and engine REST's authentication (1): those apply to every answer. */
  static final int ORDER = 10;

  private static final Pattern CACHED_PATHS = Pattern.compile(
      "/micrositio(/[a-z]+(/\\d{4}|/calendario\\.ics)?)?|/api/public/exercises(\\.csv)?|/api/public/exercises/[a-z]+/commitments(\\.csv)?"
      + "|/api/public/exercises/[a-z]+/(reports|exercises|activities|assessments)\\.csv|/api/public/commitments(\\.csv)?"
      + "|/api/public/(reports|activities|assessments)\\.csv");
  private static final Pattern YEAR_QUERY_PATHS = Pattern.compile(
      "/api/public/exercises/[a-z]+/(commitments(\\.csv)?|(reports|activities|assessments)\\.csv)"
      + "|/api/public/commitments(\\.csv)?|/api/public/(reports|activities|assessments)\\.csv");
  private static final Pattern CACHED_QUERY = Pattern.compile("year=\\d{4}");
  /** The microsite is in Spanish, whatever the browser asks for. */
  private static final Locale SPANISH = Locale.forLanguageTag("es-MX");
  /** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
  private static final int GZIP_FROM_BYTES = 1024;

  private final PublicDataCache cache;

  public PublicResponseCacheFilter(PublicDataCache cache) {
    this.cache = cache;
  }

  /**
   * An answer as served: status 200, its content headers, the body and its gzip form (or null), and when it was
   * rendered (its {@code Last-Modified}, in whole seconds: a harvester's If-Modified-Since).
   */
  record Answer(String contentType, String contentDisposition, byte[] body, byte[] gzip, String etag, long lastModified) {

    static Answer of(ContentCachingResponseWrapper response) {
      byte[] body = response.getContentAsByteArray();
      byte[] gzip = compressible(response.getContentType()) && body.length >= GZIP_FROM_BYTES ? compress(body) : null;
      return new Answer(response.getContentType(), response.getHeader(HttpHeaders.CONTENT_DISPOSITION), body, gzip,
          DigestUtils.md5DigestAsHex(body), System.currentTimeMillis() / 1000 * 1000);
    }

    String etag(boolean gzipped) {
      return "\"" + etag + (gzipped ? "-gz" : "") + "\"";
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return true;
    }
    String path = path(request);
    String query = request.getQueryString();
    return !CACHED_PATHS.matcher(path).matches()
        || !(query == null || CACHED_QUERY.matcher(query).matches() && YEAR_QUERY_PATHS.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    String key = "response:" + path(request) + (query == null ? "" : "?" + query);
    if ("HEAD".equals(request.getMethod())) {
      // The servlet writes no body for a HEAD: its answer cannot be kept, only a kept one used.
      Answer kept = cache.get(key, () -> null, value -> false);
      if (kept == null) {
        chain.doFilter(request, response);
      } else {
        serve(kept, request, response);
      }
      return;
    }
    // On a miss the chain writes into this wrapper; an answer that is not kept is copied out as it was.
    var rendered = new ContentCachingResponseWrapper(response);
    Answer answer;
    try {
      answer = cache.get(key, () -> render(request, rendered, chain), value -> value != null);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (ServletFailure e) {
      throw (ServletException) e.getCause();
    }
    if (answer == null) {
      rendered.copyBodyToResponse(); // an error or a not found: as the controller answered it
      return;
    }
    serve(answer, request, response);
  }

  /** The chain's answer to {@code request}, or null when it is not one to keep (not 200, or already sent). */
  private static Answer render(HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain) {
    try {
      chain.doFilter(request, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ServletException e) {
      throw new ServletFailure(e);
    }
    if (response.getStatus() != HttpServletResponse.SC_OK || response.getResponse().isCommitted()) {
      return null;
    }
    return Answer.of(response);
  }

  private static void serve(Answer answer, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean gzipped = answer.gzip() != null && acceptsGzip(request);
    String etag = answer.etag(gzipped);
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    response.setDateHeader(HttpHeaders.LAST_MODIFIED, answer.lastModified());
    String held = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (held != null && (held.contains(etag) || held.trim().equals("*"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    // RFC 9110: If-Modified-Since only counts without If-None-Match.
    if (held == null && notModifiedSince(request, answer.lastModified())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(answer.contentType());
    if (answer.contentType() != null && answer.contentType().startsWith("text/html")) {
      response.setLocale(SPANISH); // Content-Language (the view set the browser's locale on a miss)
    }
    if (answer.contentDisposition() != null) {
      response.setHeader(HttpHeaders.CONTENT_DISPOSITION, answer.contentDisposition());
    }
    byte[] body = gzipped ? answer.gzip() : answer.body();
    if (gzipped) {
      response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  private static boolean notModifiedSince(HttpServletRequest request, long lastModified) {
    try {
      long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
      return since >= 0 && lastModified <= since;
    } catch (IllegalArgumentException e) {
      return false; // not a date: ignored, as RFC 9110 says
    }
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

  /** The path as requested, undecoded: with a {@code ;} or a {@code %} it matches no kept path. */
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
