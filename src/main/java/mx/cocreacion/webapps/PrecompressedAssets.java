package mx.cocreacion.webapps;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' largest scripts and styles in Brotli (quality 11) for browsers that accept it: Tasklist's
 * first visit transfers {@code lib/deps.js} as 0.8 MB instead of gzip's 1.14 MB (3.9 MB as shipped). They
 * are compressed once, in the background after start-up, from the webjar; until then, and for browsers
 * without {@code br}, or where the Brotli library has no native build (it has for Linux and macOS on x86-64
 * and ARM), the assets travel gzipped as before ({@code server.compression}). The answer is the same bytes
 * as the webjar's, so its cache headers ({@link StaticAssetCacheFilter}) hold.
 */
public class PrecompressedAssets extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PrecompressedAssets.class);

  /** Paths under the webapps (after {@code /camunda}), all above 250 KB as shipped in Camunda 7.24.0. */
  static final List<String> ASSETS = List.of("/lib/deps.js",
      "/app/tasklist/camunda-tasklist-bootstrap.js", "/app/tasklist/camunda-tasklist-bootstrap.css",
      "/app/cockpit/camunda-cockpit-bootstrap.js", "/app/cockpit/camunda-cockpit-bootstrap.css",
      "/app/admin/camunda-admin-bootstrap.js", "/app/admin/camunda-admin-bootstrap.css",
      "/app/welcome/camunda-welcome-bootstrap.js", "/app/welcome/camunda-welcome-bootstrap.css");
  static final String WEBJAR = "META-INF/resources/webjars/camunda";
  static final String WEBAPPS = "/camunda";

  /** An asset in Brotli, with its entity tag. */
  record Compressed(byte[] bytes, String etag, String contentType) {}

  private final Map<String, Compressed> compressed = new ConcurrentHashMap<>();

  /** Compresses every asset; assets that cannot be read are left out (they travel gzipped). */
  void compressAll() {
    if (!available()) {
      LOG.info("Brotli no disponible en esta plataforma: los recursos de las webapps viajan en gzip");
      return;
    }
    for (String asset : ASSETS) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBJAR + asset)) {
        if (in == null) {
          LOG.warn("No existe {} en el webjar de Camunda: se sirve sin Brotli", asset);
          continue;
        }
        byte[] source = in.readAllBytes();
        byte[] bytes = Encoder.compress(source, new Encoder.Parameters().setQuality(11).setMode(Encoder.Mode.TEXT));
        String etag = "\"br-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source), 0, 8)
            + "\"";
        compressed.put(asset, new Compressed(bytes, etag,
            asset.endsWith(".css") ? "text/css;charset=UTF-8" : "text/javascript;charset=UTF-8"));
      } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
        LOG.warn("No se pudo comprimir {} con Brotli: se sirve en gzip ({})", asset, e.toString());
      }
    }
    LOG.info("Recursos de las webapps en Brotli: {} de {}", compressed.size(), ASSETS.size());
  }

  public static boolean available() {
    try {
      return Brotli4jLoader.isAvailable();
    } catch (Throwable notLoadable) {
      return false;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return compressed.isEmpty() || !"GET".equals(request.getMethod()) || asset(request) == null;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Compressed asset = compressed.get(asset(request));
    String accepted = request.getHeader("Accept-Encoding");
    if (asset == null || accepted == null || !acceptsBrotli(accepted)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Vary", "Accept-Encoding");
    response.setHeader("ETag", asset.etag());
    response.setHeader("Cache-Control", request.getParameter("bust") != null ? StaticAssetCacheFilter.IMMUTABLE
        : "no-cache");
    if (asset.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(asset.contentType());
    response.setHeader("Content-Encoding", "br");
    response.setContentLength(asset.bytes().length);
    response.getOutputStream().write(asset.bytes());
  }

  private static boolean acceptsBrotli(String accepted) {
    for (String part : accepted.split(",")) {
      String[] coding = part.trim().split(";");
      if (coding[0].trim().equalsIgnoreCase("br")) {
        return coding.length < 2 || !coding[1].replace(" ", "").equals("q=0");
      }
    }
    return false;
  }

  private static String asset(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith(WEBAPPS) && ASSETS.contains(path.substring(WEBAPPS.length()))
        ? path.substring(WEBAPPS.length()) : null;
  }

  @Configuration
  static class Registration {

    private final PrecompressedAssets assets = new PrecompressedAssets();

    @Bean
    FilterRegistrationBean<PrecompressedAssets> precompressedAssets() {
      var registration = new FilterRegistrationBean<>(assets);
      registration.setName("precompressed-assets");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
      registration.addUrlPatterns(WEBAPPS + "/lib/*", WEBAPPS + "/app/*");
      return registration;
    }

    /** After start-up, so it costs nothing to the time to ready: about 10 s of one core, once. */
    @EventListener(ApplicationReadyEvent.class)
    void compress() {
      Thread worker = new Thread(assets::compressAll, "brotli-assets");
      worker.setDaemon(true);
      worker.setPriority(Thread.MIN_PRIORITY);
      worker.start();
    }
  }
}
