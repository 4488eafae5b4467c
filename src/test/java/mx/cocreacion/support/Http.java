package mx.cocreacion.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP as the people of the platform use it in tests: engine REST and the project's API with HTTP Basic
 * (password {@code demo}), the webapps' API in a logged-in session (Tasklist's cookies and XSRF token),
 * anonymous when the user is null. Answers keep the status, the headers and the body as text.
 */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  private final int port;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public Http(int port) {
    this.port = port;
  }

  /** A response: status, headers and body. */
  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {

    public JsonNode json() {
      try {
        return body == null || body.isBlank() ? null : JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }

    /** The {@code message} of an error answer, or the body. */
    public String message() {
      try {
        JsonNode node = JSON.readTree(body);
        return node != null && node.has("message") ? node.get("message").asText() : body;
      } catch (IOException e) {
        return body;
      }
    }

    @Override
    public String toString() {
      return status + " " + (body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
  }

  public Answer get(String user, String path) {
    return send(user, request(path).GET());
  }

  public Answer delete(String user, String path) {
    return send(user, request(path).DELETE());
  }

  public Answer post(String user, String path, Object json) {
    return send(user, request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text(json))));
  }

  public Answer put(String user, String path, Object json) {
    return send(user, request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(text(json))));
  }

  public Answer postBytes(String user, String path, String contentType, byte[] body) {
    return send(user, request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart upload of a task attachment (engine REST {@code attachment/create}). */
  public Answer attach(String user, String path, String fileName, byte[] content) {
    String boundary = "----cocreacion" + System.nanoTime();
    return postBytes(user, path, "multipart/form-data; boundary=" + boundary, multipart(boundary, fileName, content));
  }

  public static byte[] multipart(String boundary, String fileName, byte[] content) {
    var out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n" + fileName
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachment-type\"\r\n\r\napplication/pdf"
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/pdf\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The same request through the webapps' API, in the person's Tasklist session (anonymous: no session). */
  public Answer webapp(String user, String method, String path, Object json) {
    Session session = user == null ? new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
        new CookieManager()) : sessions.computeIfAbsent(user, this::login);
    var request = request(path).header("X-XSRF-TOKEN", session.xsrf());
    switch (method) {
      case "GET" -> request.GET();
      case "DELETE" -> request.DELETE();
      case "PUT" -> request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(text(json)));
      default -> request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text(json)));
    }
    return send(session.client(), request);
  }

  private record Session(HttpClient client, CookieManager cookies) {
    String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .reduce((a, b) -> b).map(HttpCookie::getValue).orElse("");
    }
  }

  private Session login(String user) {
    var cookies = new CookieManager();
    var session = new Session(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
    send(session.client(), request("/camunda/app/tasklist/default/").GET());
    Answer login = send(session.client(), request("/camunda/api/admin/auth/user/default/login/tasklist")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.xsrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + q(user) + "&password=demo")));
    assertThat(login.status()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    send(session.client(), request(WEBAPP_ENGINE + "/task/count").GET());
    return session;
  }

  private Answer send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return send(client, request);
  }

  private static Answer send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  private static String text(Object json) {
    try {
      return json instanceof String s ? s : JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A typed variable as Camunda REST wants it. */
  public static Map<String, Object> var(String type, Object value) {
    try {
      return Map.of("type", type, "value", "Json".equals(type) && !(value instanceof String)
          ? JSON.writeValueAsString(value) : value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A small PDF (valid by its content). */
  public static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) ' ');
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
    return bytes;
  }
}
