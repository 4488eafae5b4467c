package mx.cocreacion.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mx.cocreacion.support.CocreacionTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person who mistypes an address reads a Spanish page with a way back, never a 500 or English:
 * the application's error page ({@code templates/error.html}) with its title and heading, and the
 * webapps' addresses with an engine name that does not exist ({@link UnknownEngineFilter}).
 */
@CocreacionTest
class ErrorPagesTest {

  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;

  @Test
  void anUnknownAddressIsTheSpanishNotFoundPageWithItsTitle() throws Exception {
    HttpResponse<String> page = html("/no-existe");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<html lang=\"es\"", "<title>Página no encontrada — Cocreación desde lo local</title>",
        "<h1>Página no encontrada</h1>", "href=\"/micrositio\"", "href=\"/camunda/app/tasklist/\"")
        .doesNotContain("th:", "Whitelabel", "Not Found");
  }

  @Test
  void aWebappAddressWithAnotherEngineNameIsNotFoundInsteadOfAServerError() throws Exception {
    for (String path : new String[] {"/camunda/app/tasklist/no", "/camunda/app/tasklist/no/", "/camunda/app/cockpit/prueba/",
        "/camunda/app/admin/x", "/camunda/app/welcome/scripts/"}) {
      HttpResponse<String> page = html(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("<h1>Página no encontrada</h1>");
    }
    assertThat(html("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(html("/camunda/app/tasklist/default/").body()).contains("<base href=\"/camunda/app/tasklist/default/\"");
    assertThat(html("/camunda/app/tasklist/index.html").statusCode()).isNotEqualTo(500);
  }

  private HttpResponse<String> html(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html,application/xhtml+xml").GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
