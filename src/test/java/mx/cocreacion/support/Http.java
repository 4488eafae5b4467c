package mx.cocreacion.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP as the people of the platform use it in tests, the one HTTP client of the test suite: engine REST and
 * the project's API with HTTP Basic (password {@code demo}), the webapps' API in a logged-in session
 * (Tasklist's cookies and XSRF token), anonymous when the user is null; the public pages and open data; any
 * other request through {@link #request} and {@link #send}. Answers keep the status, the headers and the body.
 * A request that gets no answer (nobody listening, a timeout) throws {@link UncheckedIOException}.
 */
public final class Http {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  private final String base;
  private final HttpClient client;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** The app on this port of localhost; redirects are not followed, cookies not kept. */
  public Http(int port) {
    this(port, HttpClient.newHttpClient());
  }

  private Http(int port, HttpClient client) {
    this.base = "http://localhost:" + port;
    this.client = client;
  }

  /** As a browser: the cookies the app sets (session, XSRF) are kept and sent back. */
  public static Http withCookies(int port) {
    return new Http(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
  }

  /** A response: status, body as text (and as bytes), headers. */
  public record Answer(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {

    /** The first value of a header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

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

  /** An anonymous GET, as the public reads the microsite and the open data. */
  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer get(String user, String path) {
    return send(user, request(path).GET());
  }

  public Answer delete(String user, String path) {
    return send(user, request(path).DELETE());
  }

  public Answer post(String user, String path, Object json) {
    return send(user, request("POST", path, json));
  }

  public Answer put(String user, String path, Object json) {
    return send(user, request("PUT", path, json));
  }

  public Answer postBytes(String user, String path, String contentType, byte[] body) {
    return send(user, request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A multipart upload of a task attachment (engine REST {@code attachment/create}), a PDF. */
  public Answer attach(String user, String path, String fileName, byte[] content) {
    return send(user, multipart(path, fileName, "application/pdf", content,
        "attachment-name", fileName, "attachment-type", "application/pdf"));
  }

  /**
   * A {@code multipart/form-data} POST: the text fields (name, value, name, value, …) in their order, then the
   * file as the part {@code content}.
   */
  public HttpRequest.Builder multipart(String path, String fileName, String fileType, byte[] content,
      String... fields) {
    String boundary = "----cocreacion" + UUID.randomUUID();
    var body = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
          + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  /** A POST of an HTML form ({@code application/x-www-form-urlencoded}): name, value, name, value, … in their order. */
  public HttpRequest.Builder form(String path, String... fields) {
    var body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(fields[i]).append('=').append(q(fields[i + 1]));
    }
    return request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
  }

  /** The same request through the webapps' API, in the person's Tasklist session (anonymous: no session). */
  public Answer webapp(String user, String method, String path, Object json) {
    return webapp(user, switch (method) {
      case "GET" -> request(path).GET();
      case "DELETE" -> request(path).DELETE();
      case "PUT" -> request("PUT", path, json);
      default -> request("POST", path, json);
    });
  }

  /**
   * Sends a request made with {@link #request} (or {@link #multipart}, …) in the person's Tasklist session, with
   * the session's XSRF token (anonymous: a session of its own, not logged in).
   */
  public Answer webapp(String user, HttpRequest.Builder request) {
    Session session = user == null ? new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
        new CookieManager()) : sessions.computeIfAbsent(user, this::login);
    return send(session.client(), request.header("X-XSRF-TOKEN", session.xsrf()));
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
    Answer login = send(session.client(), form("/camunda/api/admin/auth/user/default/login/tasklist",
        "username", user, "password", "demo").header("X-XSRF-TOKEN", session.xsrf()));
    assertThat(login.status()).as("login of " + user + ": " + login.body()).isEqualTo(200);
    send(session.client(), request(WEBAPP_ENGINE + "/task/count").GET());
    return session;
  }

  /** Sends a request made with {@link #request} as it is (anonymous unless it carries its own credentials). */
  public Answer send(HttpRequest.Builder request) {
    return send(client, request);
  }

  /** Sends a request made with {@link #request} with HTTP Basic as {@code user} (password {@code demo}). */
  public Answer send(String user, HttpRequest.Builder request) {
    return send(user, "demo", request);
  }

  /** Sends a request made with {@link #request} with HTTP Basic as {@code user} and this password. */
  public Answer send(String user, String password, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return send(client, request);
  }

  /** The value of an HTTP Basic {@code Authorization} header. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Answer send(HttpClient client, HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers(),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request to a path of the app (or a whole URL), to give headers, a method or a timeout before sending it. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  /** A request with a JSON body (a String is sent as it is, anything else written as JSON). */
  public HttpRequest.Builder request(String method, String path, Object json) {
    return request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(text(json)));
  }

  public URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : base + path);
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

  /** A File variable as engine REST takes it (base64), holding a small PDF. */
  public static Map<String, Object> pdfVar(String fileName) {
    return Map.of("type", "File", "value", java.util.Base64.getEncoder().encodeToString(pdf(2048)),
        "valueInfo", Map.of("filename", fileName, "mimetype", "application/pdf"));
  }

  /** A small PDF (valid by its content). */
  public static byte[] pdf(int size) {
    byte[] bytes = new byte[size];
    java.util.Arrays.fill(bytes, (byte) ' ');
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
    return bytes;
  }
}
