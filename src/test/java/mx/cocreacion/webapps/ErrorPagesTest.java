package mx.cocreacion.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who mistypes an address reads a Spanish page with a way back, never a 500 or English:
 * the application's error page ({@code templates/error.html}) with its title and heading, and the
 * webapps' addresses with an engine name that does not exist ({@link UnknownEngineFilter}).
 */
@CocreacionTest
class ErrorPagesTest {

  @LocalServerPort int port;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void anUnknownAddressIsTheSpanishNotFoundPageWithItsTitle() {
    Answer page = html("/no-existe");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("<html lang=\"es\"", "<title>Página no encontrada — Cocreación desde lo local</title>",
        "<h1>Página no encontrada</h1>", "href=\"/micrositio\"", "href=\"/camunda/app/tasklist/\"")
        .doesNotContain("th:", "Whitelabel", "Not Found");
  }

  @Test
  void aWebappAddressWithAnotherEngineNameIsNotFoundInsteadOfAServerError() {
    for (String path : new String[] {"/camunda/app/tasklist/no", "/camunda/app/tasklist/no/", "/camunda/app/cockpit/prueba/",
        "/camunda/app/admin/x", "/camunda/app/welcome/scripts/"}) {
      Answer page = html(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("<h1>Página no encontrada</h1>");
    }
    assertThat(html("/camunda/app/tasklist/default/").status()).isEqualTo(200);
    assertThat(html("/camunda/app/tasklist/default/").body()).contains("<base href=\"/camunda/app/tasklist/default/\"");
    assertThat(html("/camunda/app/tasklist/index.html").status()).isNotEqualTo(500);
  }

  /** A page as a browser asks for it (redirects are not followed). */
  private Answer html(String path) {
    return http.send(http.request(path).header("Accept", "text/html,application/xhtml+xml").GET());
  }
}
