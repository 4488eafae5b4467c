package mx.cocreacion.microsite;

import static mx.cocreacion.microsite.OpenDataTest.year;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The microsite's pages and the open data are served as rendered once per change of the plan of
 * record ({@link PublicResponseCacheFilter}): kept until a write commits, with an entity tag, and
 * gzip-compressed for clients that take it. Errors and other requests go through as before.
 */
class PublicResponseCacheFilterTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired PublicDataCache cache;
  @Autowired JdbcTemplate jdbc;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void anEntidadsPageIsRenderedOncePerChangeOfThePlanOfRecord() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    String page = "/micrositio/zac/" + year(exercise);
    String rendered = get(page, null).body();
    assertThat(rendered).contains("Ejercicio local de gobierno abierto");

    // A change that does not go through the plan's repositories (no signal) is not seen: the page is kept ...
    jdbc.update("update cc_exercise set name = ? where id = ?", "Ejercicio renombrado", exercise.getId());
    assertThat(get(page, null).body()).isEqualTo(rendered);

    // ... until the plan of record changes (a repository write signals it when it commits).
    cache.planChanged(new mx.cocreacion.plan.PlanChanged());
    assertThat(get(page, null).body()).contains("Ejercicio renombrado").doesNotContain("Ejercicio local de gobierno abierto");
  }

  @Test
  void aKeptAnswerCarriesItsEntityTagAndTheSecurityHeaders() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    String page = "/micrositio/zac/" + year(exercise);
    Answer first = get(page, null);
    Answer second = get(page, null);
    assertThat(second.headers().firstValue("ETag")).isPresent().isEqualTo(first.headers().firstValue("ETag"));
    assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
    assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(second.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    Answer held = http.send(http.request(page)
        .header("If-None-Match", first.headers().firstValue("ETag").orElseThrow()).GET());
    assertThat(held.status()).isEqualTo(304);
    assertThat(held.body()).isEmpty();

    // A harvester that remembers the date instead (Last-Modified, If-Modified-Since).
    String lastModified = second.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(first.headers().firstValue("Last-Modified")).hasValue(lastModified);
    assertThat(http.send(http.request(page).header("If-Modified-Since", lastModified).GET()).status()).isEqualTo(304);
    assertThat(http.send(http.request(page).header("If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT").GET()).status())
        .isEqualTo(200);
    assertThat(http.send(http.request(page).header("If-Modified-Since", "ayer").GET()).status()).isEqualTo(200);
  }

  @Test
  void aClientThatTakesGzipGetsTheSameBodyCompressed() throws IOException {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    for (String path : new String[] {"/api/public/exercises", "/micrositio", "/micrositio/zac/" + year(exercise)}) {
      Answer plain = get(path, null);
      assertThat(plain.body().length()).as(path).isGreaterThan(1024);
      Answer gzipped = get(path, "br, gzip;q=0.8");
      assertThat(gzipped.status()).as(path).isEqualTo(200);
      assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      assertThat(gzipped.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
      assertThat(gzipped.headers().firstValue("ETag")).as("one tag per representation")
          .isNotEqualTo(plain.headers().firstValue("ETag"));
      assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
      try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
        assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8)).as(path).isEqualTo(plain.body());
      }
    }
    // A small body (no commitments yet: the header row) is sent as it is.
    String small = "/api/public/exercises/zac/commitments.csv?year=" + year(exercise);
    Answer csv = get(small, "gzip");
    assertThat(csv.body()).startsWith("commitment,title");
    assertThat(csv.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".csv"));
  }

  @Test
  void errorsAndOtherQueriesAreNotKept() {
    Answer unknown = get("/micrositio/xyz", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("no");
    assertThat(unknown.headers().firstValue("ETag")).isEmpty();

    Answer badYear = get("/api/public/exercises/zac/commitments?year=20x5", null);
    assertThat(badYear.status()).isEqualTo(400);
    assertThat(badYear.body()).contains("year");

    Answer otherQuery = get("/api/public/exercises?utm=x", null);
    assertThat(otherQuery.status()).isEqualTo(200);
    assertThat(otherQuery.headers().firstValue("ETag")).as("not kept: any query would fill the cache").isEmpty();
    assertThat(get("/api/public/exercises?year=2031", null).headers().firstValue("ETag"))
        .as("year only selects an exercise's commitments").isEmpty();
  }

  @Test
  void otherSpellingsOfAPageAreServedButNotKept() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    int year = year(exercise);
    for (String spelling : new String[] {"/micrositio/zac;x=1/" + year, "/micrositio/%7Aac/" + year}) {
      Answer page = get(spelling, null);
      assertThat(page.status()).as(spelling).isEqualTo(200);
      assertThat(page.body()).as(spelling).contains("Ejercicio local de gobierno abierto");
      assertThat(page.headers().firstValue("ETag")).as(spelling).isEmpty();
    }
  }

  @Test
  void aHeadRequestGetsTheKeptAnswersHeadersWithoutItsBody() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    String page = "/micrositio/zac/" + year(exercise);
    Answer notKeptYet = head(page);
    assertThat(notKeptYet.status()).isEqualTo(200);
    assertThat(notKeptYet.body()).isEmpty();

    String etag = get(page, null).headers().firstValue("ETag").orElseThrow();
    Answer head = head(page);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.headers().firstValue("ETag")).hasValue(etag);
    assertThat(head.body()).isEmpty();
    assertThat(get(page, null).body()).as("the kept answer still has its body").contains("Ejercicio local de gobierno abierto");
  }

  @Test
  void theMicrositeSaysItIsInSpanishWhateverTheBrowserAsks() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    String page = "/micrositio/zac/" + year(exercise);
    for (int read = 0; read < 2; read++) { // rendered, then kept
      Answer answer = http.send(http.request(page).header("Accept-Language", "en-US").GET());
      assertThat(answer.headers().firstValue("Content-Language")).as("read %d", read).hasValue("es-MX");
    }
  }

  @Test
  void gzipIsTakenUnlessRefused() {
    assertThat(PublicResponseCacheFilter.acceptsGzip(request("gzip, deflate, br"))).isTrue();
    assertThat(PublicResponseCacheFilter.acceptsGzip(request("GZIP;q=0.5"))).isTrue();
    assertThat(PublicResponseCacheFilter.acceptsGzip(request("gzip;q=0"))).isFalse();
    assertThat(PublicResponseCacheFilter.acceptsGzip(request("gzip; q=0.0"))).isFalse();
    assertThat(PublicResponseCacheFilter.acceptsGzip(request("identity"))).isFalse();
    assertThat(PublicResponseCacheFilter.acceptsGzip(new MockHttpServletRequest())).isFalse();
  }

  private static MockHttpServletRequest request(String acceptEncoding) {
    var request = new MockHttpServletRequest();
    request.addHeader("Accept-Encoding", acceptEncoding);
    return request;
  }

  /** A GET, with this Accept-Encoding unless null. */
  private Answer get(String path, String acceptEncoding) {
    var request = http.request(path).GET();
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    return http.send(request);
  }

  private Answer head(String path) {
    return http.send(http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }
}
