package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.support.CocreacionTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security headers and session cookie attributes on real responses of the running application. */
@CocreacionTest
class SecurityHeadersTest {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertCommonHeaders(HttpResponse<?> response) {
    assertThat(response.headers().allValues("X-Content-Type-Options")).as("nosniff").containsExactly("nosniff");
    assertThat(response.headers().allValues("X-Frame-Options")).as("frames").containsExactly("SAMEORIGIN");
    assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
  }

  @Test
  void micrositePagesHaveAStrictContentSecurityPolicyAndNoInlineScript() throws Exception {
    for (String path : List.of("/micrositio", "/micrositio/oax")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertCommonHeaders(page);
      String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
          "object-src 'none'", "frame-ancestors 'self'");
      assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe-inline", "unsafe-eval");
      Matcher script = Pattern.compile("(?i)<script\\b([^>]*)>").matcher(page.body());
      while (script.find()) {
        assertThat(script.group(1)).as(path + ": " + script.group())
            .satisfiesAnyOf(a -> assertThat(a).contains("src="), a -> assertThat(a).contains("type=\"application/json\""));
      }
    }
    // The page of an unknown entidad too (the microsite's own 404 page).
    HttpResponse<String> missing = get("/micrositio/zz");
    assertCommonHeaders(missing);
    assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void openDataHasTheHeadersButNoPageCsp() throws Exception {
    HttpResponse<String> json = get("/api/public/exercises");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertCommonHeaders(json);
  }

  @Test
  void engineRestRefusalHasTheHeaders() throws Exception {
    HttpResponse<String> refused = get("/engine-rest/task");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertCommonHeaders(refused);
  }

  @Test
  void tasklistKeepsCamundasOwnHeadersAndSessionCookieIsHttpOnlyAndLax() throws Exception {
    HttpResponse<String> index = get("/camunda/app/tasklist/default/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertCommonHeaders(index);
    // Camunda's own CSP for its webapps, not the microsite's.
    assertThat(index.headers().allValues("Content-Security-Policy")).hasSize(1)
        .noneMatch(csp -> csp.equals(SecurityHeadersFilter.MICROSITE_CSP));
    String xsrf = index.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode("oax-society", StandardCharsets.UTF_8)
            + "&password=demo"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertCommonHeaders(login);
    List<String> session = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
    assertThat(session).isNotEmpty().allSatisfy(cookie -> assertThat(cookie.toLowerCase())
        .contains("httponly", "samesite=lax").doesNotContain("secure"));
  }
}
