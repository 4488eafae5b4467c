package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Security headers and session cookie attributes on real responses of the running application. */
@CocreacionTest
class SecurityHeadersTest {

  @LocalServerPort
  int port;

  @Autowired ProcessEngine engine;

  /** A browser: keeps the cookies the application sets. */
  private Http http;

  @BeforeEach
  void browser() {
    http = Http.withCookies(port);
  }

  private static void assertCommonHeaders(Answer response) {
    assertThat(response.headers().allValues("X-Content-Type-Options")).as("nosniff").containsExactly("nosniff");
    assertThat(response.headers().allValues("X-Frame-Options")).as("frames").containsExactly("SAMEORIGIN");
    assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
  }

  @Test
  void micrositePagesHaveAStrictContentSecurityPolicyAndNoInlineScript() {
    for (String path : List.of("/micrositio", "/micrositio/oax")) {
      Answer page = http.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
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
    Answer missing = http.get("/micrositio/zz");
    assertCommonHeaders(missing);
    assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  /**
   * Only the embeddable view of an entidad may be framed by other origins, and only by the ones configured for
   * it (the garante's portal): every other page keeps X-Frame-Options and frame-ancestors 'self'.
   */
  @Test
  void onlyTheEmbeddableViewMayBeFramedAndOnlyByTheGarantesPortal() {
    new ExerciseDriver(engine).startAtStep("jal", 6);

    Answer embed = http.get("/micrositio/jal/insertar");
    assertThat(embed.status()).isEqualTo(200);
    // The entidad's current exercise (another test may have started a later one of Jalisco).
    assertThat(embed.body()).contains("Jalisco", "Avance del Plan de Acción Local", "Ver el ejercicio completo")
        .doesNotContain("<header", "<footer", "<script");
    assertThat(embed.headers().allValues("X-Frame-Options")).as("framing is said by the CSP alone").isEmpty();
    assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors 'self' https://www.itei.example.org",
        "script-src 'self'", "object-src 'none'");

    Answer page = http.get("/micrositio/jal");
    assertCommonHeaders(page);
    assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'self'")
        .doesNotContain("itei.example.org");
    // An entidad without a configured portal: framed by the application only.
    new ExerciseDriver(engine).startAtStep("oax", 2);
    assertThat(http.get("/micrositio/oax/insertar").header("Content-Security-Policy"))
        .endsWith("frame-ancestors 'self'").doesNotContain("https://");
    assertThat(http.get("/micrositio/zz/insertar").status()).isEqualTo(404);
  }

  @Test
  void openDataHasTheHeadersButNoPageCsp() {
    Answer json = http.get("/api/public/exercises");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow()).contains("json");
    assertCommonHeaders(json);
  }

  @Test
  void engineRestRefusalHasTheHeaders() {
    Answer refused = http.get("/engine-rest/task");
    assertThat(refused.status()).isEqualTo(401);
    assertCommonHeaders(refused);
  }

  @Test
  void tasklistKeepsCamundasOwnHeadersAndSessionCookieIsHttpOnlyAndLax() {
    Answer index = http.get("/camunda/app/tasklist/default/");
    assertThat(index.status()).isEqualTo(200);
    assertCommonHeaders(index);
    // Camunda's own CSP for its webapps, not the microsite's.
    assertThat(index.headers().allValues("Content-Security-Policy")).hasSize(1)
        .noneMatch(csp -> csp.equals(SecurityHeadersFilter.MICROSITE_CSP));
    String xsrf = index.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    Answer login = http.send(http.form("/camunda/api/admin/auth/user/default/login/tasklist",
        "username", "oax-society", "password", "demo").header("X-XSRF-TOKEN", xsrf));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertCommonHeaders(login);
    List<String> session = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();
    assertThat(session).isNotEmpty().allSatisfy(cookie -> assertThat(cookie.toLowerCase())
        .contains("httponly", "samesite=lax").doesNotContain("secure"));
  }
}
