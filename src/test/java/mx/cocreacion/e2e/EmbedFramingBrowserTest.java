package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The embeddable view in a real browser, framed by a page of another origin (a JDK HTTP server on another port of
 * this machine): the entidad's view {@code /micrositio/<tenant>/insertar} loads in a frame of an origin listed in
 * {@code cocreacion.microsite.embed-origins.<tenant>} (application-test.yaml: {@code http://127.0.0.1:47613} for
 * {@code jal}), and Chromium refuses it in a frame of any other origin, refuses another entidad's view in the listed
 * origin, and refuses an ordinary microsite page in every other origin's frame.
 */
class EmbedFramingBrowserTest extends BrowserTestSupport {

  /** The port of the garante's "portal" that application-test.yaml allows to frame Jalisco's view. */
  static final int PORTAL_PORT = 47613;
  static final String EMBED_TEXT = "Avance del Plan de Acción Local";
  /** Where Chromium puts a frame it refused to show (its error page). */
  static final String REFUSED = "chrome-error://";

  private HttpServer portal;
  private HttpServer stranger;

  @AfterEach
  void stopServers() {
    for (HttpServer server : new HttpServer[] {portal, stranger}) {
      if (server != null) {
        server.stop(0);
      }
    }
  }

  @Test
  void onlyTheConfiguredOriginFramesTheEmbeddableViewAndNoOtherPageIsFramed() throws IOException {
    exercises.startAtStep("jal", 6);
    exercises.startAtStep("oax", 2);
    portal = framingServer(PORTAL_PORT);
    stranger = framingServer(0);
    String app = "http://localhost:" + port;

    // The listed origin: Jalisco's view loads in its frame.
    assertThat(framed("http://127.0.0.1:" + PORTAL_PORT, app + "/micrositio/jal/insertar"))
        .startsWith(app + "/micrositio/jal/insertar\n").contains(EMBED_TEXT, "Jalisco");
    // Another origin (another port): refused.
    assertThat(framed("http://127.0.0.1:" + stranger.getAddress().getPort(), app + "/micrositio/jal/insertar"))
        .startsWith(REFUSED).doesNotContain(EMBED_TEXT);
    // The listed origin is Jalisco's portal, not Oaxaca's.
    assertThat(framed("http://127.0.0.1:" + PORTAL_PORT, app + "/micrositio/oax/insertar"))
        .startsWith(REFUSED).doesNotContain(EMBED_TEXT, "Oaxaca");
    // An ordinary page of the microsite: framed by no one else, not even the listed origin.
    assertThat(framed("http://127.0.0.1:" + PORTAL_PORT, app + "/micrositio/jal")).startsWith(REFUSED)
        .doesNotContain("Jalisco");
  }

  /**
   * Opens the other origin's page that frames {@code url}, waits for the frame's load event (it fires for a
   * refused frame too, with Chromium's error page) and answers the frame's address and text.
   */
  private String framed(String origin, String url) {
    WebDriver driver = browser.driver();
    driver.switchTo().defaultContent();
    driver.get(origin + "/?src=" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8));
    browser.until("the frame of " + url + " in " + origin,
        d -> "si".equals(d.findElement(By.tagName("body")).getDomAttribute("data-cargado")) ? true : null);
    try {
      driver.switchTo().frame(driver.findElement(By.id("vista")));
      return browser.script("return document.location.href") + "\n" + driver.findElement(By.tagName("body")).getText();
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  /** A page of this machine on {@code port} (0: any) that frames the URL of its {@code src} parameter. */
  private static HttpServer framingServer(int port) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    } catch (BindException e) {
      return Assertions.fail("port " + port + " of 127.0.0.1 is taken (application-test.yaml lists it as an embed origin)", e);
    }
    server.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getQuery();
      String src = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^src=", ""), StandardCharsets.UTF_8);
      String html = "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Portal del garante</title></head>"
          + "<body><h1>Portal del garante</h1><iframe id=\"vista\" title=\"Ejercicio\" width=\"600\" height=\"400\" src=\""
          + src.replace("\"", "&quot;") + "\" onload=\"document.body.setAttribute('data-cargado','si')\"></iframe></body></html>";
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }
}
