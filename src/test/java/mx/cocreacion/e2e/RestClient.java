package mx.cocreacion.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mx.cocreacion.support.Http;

/** Engine REST as one person ({@link Http} with HTTP Basic as this user and password): JSON in and out. */
final class RestClient {

  static final String ENGINE_REST = "/engine-rest";
  /** One client per port, shared by every person. */
  private static final Map<Integer, Http> HTTP = new ConcurrentHashMap<>();

  private final Http http;
  private final String user;
  private final String password;

  RestClient(int port, String user, String password) {
    this.http = HTTP.computeIfAbsent(port, Http::new);
    this.user = user;
    this.password = password;
  }

  /** The status and the JSON body (null when empty). */
  record Response(int status, JsonNode body) {}

  Response get(String path) {
    return send(http.request(ENGINE_REST + path).GET());
  }

  Response post(String path, Object body) {
    return send(http.request("POST", ENGINE_REST + path, body));
  }

  Response put(String path, Object body) {
    return send(http.request("PUT", ENGINE_REST + path, body));
  }

  Response delete(String path) {
    return send(http.request(ENGINE_REST + path).DELETE());
  }

  /** Attaches a small PDF to a task, as Tasklist's «Evidencia» tab does ({@code attachment/create}). */
  Response attachPdf(String taskId, String fileName) {
    return send(http.multipart(ENGINE_REST + "/task/" + taskId + "/attachment/create", fileName, "application/pdf",
        Http.pdf(2048), "attachment-name", fileName, "attachment-type", "application/pdf"));
  }

  private Response send(HttpRequest.Builder request) {
    Http.Answer answer = http.send(user, password, request);
    return new Response(answer.status(), answer.json());
  }

  /** The {@code variables} of a start or completion, typed as Camunda REST wants them: name, type, value, … */
  static Map<String, Object> vars(Object... nameTypeValue) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < nameTypeValue.length; i += 3) {
      variables.put((String) nameTypeValue[i], Http.var((String) nameTypeValue[i + 1], nameTypeValue[i + 2]));
    }
    return Map.of("variables", variables);
  }
}
