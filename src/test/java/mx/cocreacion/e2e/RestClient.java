package mx.cocreacion.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny engine-REST client: Basic auth as one user, JSON in and out. */
final class RestClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;
  private final String authorization;

  RestClient(int port, String user, String password) {
    this.base = "http://localhost:" + port + "/engine-rest";
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  record Response(int status, JsonNode body) {}

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response post(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Response put(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private Response send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      return new Response(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // --- typed variables as Camunda REST wants them ------------------------------------------------

  static Map<String, Object> vars(Object... nameTypeValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      Object value = nameTypeValue[i + 2];
      try {
        if ("Json".equals(nameTypeValue[i + 1]) && !(value instanceof String)) {
          value = JSON.writeValueAsString(value);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      variables.put((String) nameTypeValue[i], Map.of("type", nameTypeValue[i + 1], "value", value));
    }
    return Map.of("variables", variables);
  }
}
