package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.calendar.CalendarTokens;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.StateSnapshot;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar feeds' trust boundary (docs/security.md, "Calendar feeds"): the personal feed opens with its
 * current secret token only, answers every other token with the same bare 404, is never cached by others or read
 * by other origins, and creates no session; the page that creates and renews the token needs a webapp login,
 * acts only on that person's token and only on a POST carrying its session's CSRF token.
 */
@CocreacionTest
class CalendarFeedHostileTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern FEED_URL = Pattern.compile("(https?://[^<\\s]+/calendario/([A-Za-z0-9_-]{43})\\.ics)");

  @LocalServerPort int port;
  @Autowired CalendarTokens tokens;
  @Autowired DataSource dataSource;
  @Autowired IdentityService identity;

  @Test
  void aWrongOrRenewedTokenIsABare404AndNothingElse() {
    Http http = new Http(port);
    String token = tokens.renew("jal-society");
    Answer ok = http.get("/calendario/" + token + ".ics");
    assertThat(ok.status()).isEqualTo(200);

    String renewed = tokens.renew("jal-society");
    Answer unknown = http.get("/calendario/" + "A".repeat(43) + ".ics");
    for (String wrong : List.of(token, "A".repeat(43), token.substring(1), token + "A", token.toLowerCase(),
        "..%2F..%2Fetc%2Fpasswd", "%00", CalendarTokensHash.of(renewed))) {
      Answer answer = http.get("/calendario/" + wrong + ".ics");
      assertThat(answer.status()).as(wrong).isIn(wrong.contains("%") ? List.of(400, 404) : List.of(404));
      if (!wrong.contains("%")) {
        assertThat(answer.body()).as("a 404 that tells nothing: " + wrong).isEqualTo(unknown.body()).isEmpty();
        assertThat(answer.header("Content-Type")).as(wrong).isEqualTo(unknown.header("Content-Type"));
        assertThat(answer.header("Set-Cookie")).as(wrong).isNull();
      }
    }
    assertThat(http.get("/calendario/" + renewed + ".ics").status()).isEqualTo(200);
    // Another person renewing theirs leaves this one working, and each opens its own person's feed.
    String government = tokens.renew("jal-government");
    assertThat(http.get("/calendario/" + renewed + ".ics").status()).isEqualTo(200);
    assertThat(tokens.userOf(government)).contains("jal-government");
    assertThat(tokens.userOf(renewed)).contains("jal-society");
  }

  @Test
  void aDeletedAccountsTokenOpensNothing() {
    Http http = new Http(port);
    identity.saveUser(identity.newUser("jal-calendario-baja"));
    identity.createMembership("jal-calendario-baja", "stl");
    identity.createTenantUserMembership("jal", "jal-calendario-baja");
    String token = tokens.renew("jal-calendario-baja");
    assertThat(http.get("/calendario/" + token + ".ics").status()).isEqualTo(200);
    identity.deleteUser("jal-calendario-baja");
    Answer gone = http.get("/calendario/" + token + ".ics");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).as("a 404 that tells nothing").isEmpty();
  }

  @Test
  void theFeedIsNeitherCachedNorOpenToOtherOriginsNorASession() {
    Http http = new Http(port);
    String token = tokens.renew("jal-guarantor");
    String path = "/calendario/" + token + ".ics";
    Answer feed = http.send(http.request(path).header("Origin", "https://evil.example.org").GET());
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=utf-8");
    assertThat(feed.header("Cache-Control")).contains("no-store", "private").doesNotContain("public");
    assertThat(feed.header("ETag")).as("not kept by the public response cache").isNull();
    assertThat(feed.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(feed.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
    assertThat(feed.headers().allValues("Cache-Control")).hasSize(1);
    assertThat(feed.header("Content-Security-Policy")).contains("default-src 'none'", "sandbox");
    assertThat(feed.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    assertThat(feed.header("Set-Cookie")).as("no session").isNull();

    Answer preflight = http.send(http.request(path).header("Origin", "https://evil.example.org")
        .header("Access-Control-Request-Method", "GET").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    assertThat(preflight.header("Set-Cookie")).isNull();
  }

  @Test
  void theTokenPageNeedsALoginAndChangesOnlyOnesOwnTokenOnAPostWithItsCsrfToken() {
    Http http = new Http(port);
    // Anonymous: 401, no session, nothing created.
    Answer anonymous = http.get("/cuenta/calendario");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Entrar a Tasklist");
    assertThat(anonymous.header("Set-Cookie")).isNull();
    Answer anonymousPost = http.send(http.form("/cuenta/calendario", "accion", "renovar", "csrf", "x"));
    assertThat(anonymousPost.status()).isEqualTo(401);
    assertThat(anonymousPost.body()).doesNotContain("/calendario/");

    String otherToken = tokens.renew("jal-government");
    tokens.revoke("jal-society");
    Answer page = http.webapp("jal-society", http.request("/cuenta/calendario").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("jal-society", "Crear mi enlace").doesNotContain("jal-government");
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    String csrf = group(CSRF, page.body(), 1);

    // No or a wrong CSRF token, another session's token, or a GET: nothing changes.
    String governmentCsrf = group(CSRF, http.webapp("jal-government", http.request("/cuenta/calendario").GET()).body(), 1);
    StateSnapshot before = StateSnapshot.take(dataSource);
    for (String wrong : List.of("", "x", governmentCsrf)) {
      Answer refused = http.webapp("jal-society", http.form("/cuenta/calendario", "accion", "renovar", "csrf", wrong));
      assertThat(refused.status()).as(wrong).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("/calendario/");
    }
    Answer noCsrf = http.webapp("jal-society", http.form("/cuenta/calendario", "accion", "renovar"));
    assertThat(noCsrf.status()).isEqualTo(403);
    assertThat(http.webapp("jal-society", http.request("/cuenta/calendario?accion=renovar&csrf=" + csrf).GET()).body())
        .doesNotContain(".ics");
    assertThat(tokens.createdAt("jal-society")).isEmpty();
    assertThat(before.differences(StateSnapshot.take(dataSource))).isEmpty();

    // With its CSRF token: the person's own token, shown once.
    Answer created = http.webapp("jal-society", http.form("/cuenta/calendario", "accion", "renovar", "csrf", csrf));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body()).contains("no se volverá a mostrar", "webcal://");
    String first = group(FEED_URL, created.body(), 2);
    assertThat(tokens.userOf(first)).contains("jal-society");
    assertThat(tokens.userOf(otherToken)).as("another person's token is untouched").contains("jal-government");
    assertThat(http.webapp("jal-society", http.request("/cuenta/calendario").GET()).body())
        .as("never shown again").doesNotContain(first).contains("Renovar mi enlace");

    // Renewing: the new URL works, the old one is a 404 like any unknown one.
    Answer renewed = http.webapp("jal-society", http.form("/cuenta/calendario", "accion", "renovar", "csrf", csrf));
    String second = group(FEED_URL, renewed.body(), 2);
    assertThat(second).isNotEqualTo(first);
    assertThat(http.get("/calendario/" + first + ".ics").status()).isEqualTo(404);
    assertThat(http.get("/calendario/" + second + ".ics").status()).isEqualTo(200);

    // Removing it: the URL stops working.
    Answer removed = http.webapp("jal-society", http.form("/cuenta/calendario", "accion", "quitar", "csrf", csrf));
    assertThat(removed.status()).isEqualTo(200);
    assertThat(http.get("/calendario/" + second + ".ics").status()).isEqualTo(404);
    assertThat(tokens.userOf(otherToken)).contains("jal-government");
  }

  private static String group(Pattern pattern, String text, int group) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern + " in " + text).isTrue();
    return m.group(group);
  }

  /** What the table stores for a token: its hash is no token either. */
  static final class CalendarTokensHash {
    static String of(String token) {
      try {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
