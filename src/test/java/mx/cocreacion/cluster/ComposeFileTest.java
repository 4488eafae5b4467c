package mx.cocreacion.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} cannot run here (no Docker), so it is checked as Compose would read it:
 * the services of a two-node cluster, each node configured through exactly the environment variables
 * the application reads, sticky sessions at the balancer, the mail catcher. {@link ClusterTest} runs
 * two real nodes with the environment of {@code app1}.
 */
class ComposeFileTest {

  static final Map<String, String> SHELL = Map.of("COCREACION_ADMIN_PASSWORD", "Una-Clave-Segura-2100");
  private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

  @Test
  @SuppressWarnings("unchecked")
  void definesPostgresTwoNodesABalancerAndTheMailCatcher() throws IOException {
    var compose = ComposeFile.read();
    @SuppressWarnings("unchecked")
    Map<String, Object> services = (Map<String, Object>) compose.root().get("services");
    assertThat(services).containsOnlyKeys("postgres", "app1", "app2", "balancer", "mailpit");
    assertThat(compose.service("postgres").get("image").toString()).startsWith("postgres:15");
    assertThat(compose.service("mailpit").get("image").toString()).startsWith("axllent/mailpit");
    assertThat((List<Object>) compose.service("mailpit").get("ports")).contains("8025:8025");
    assertThat((List<Object>) compose.service("balancer").get("ports")).contains("8080:80");
  }

  @Test
  void bothNodesAreTheSameApplicationOnTheSameDatabaseWithTheJobExecutor() throws IOException {
    var compose = ComposeFile.read();
    var app1 = compose.environment("app1", SHELL);
    var app2 = compose.environment("app2", SHELL);
    assertThat(app2).isEqualTo(app1);
    assertThat(compose.service("app2").get("image")).isEqualTo(compose.service("app1").get("image"));
    assertThat(compose.service("app2").get("command")).isEqualTo(compose.service("app1").get("command"));
    assertThat(app1).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
    // Nothing turns the job executor off: every node runs it (homogeneous cluster).
    assertThat(app1.keySet()).noneMatch(key -> key.startsWith("CAMUNDA_BPM_JOB"));

    var postgres = compose.environment("postgres", SHELL);
    assertThat(app1.get("COCREACION_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
    assertThat(app1.get("COCREACION_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
    assertThat(app1.get("COCREACION_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD")).isNotBlank();
    assertThat(app1).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
    // Without an administrator password Compose refuses to start, as the application would.
    assertThatThrownBy(() -> compose.environment("app1", Map.of())).hasMessageContaining("COCREACION_ADMIN_PASSWORD");
  }

  @Test
  void everyVariableTheNodesSetIsOneTheApplicationReads() throws IOException {
    Set<String> read = new LinkedHashSet<>();
    for (String file : List.of("application.yaml", "application-postgres.yaml")) {
      Matcher m = READ_VARIABLE.matcher(Files.readString(Path.of("src/main/resources", file)));
      while (m.find()) {
        read.add(m.group(1));
      }
    }
    assertThat(read).as("what the postgres profile reads").contains("COCREACION_DB_URL", "COCREACION_DB_USER",
        "COCREACION_DB_PASSWORD", "COCREACION_DB_POOL", "COCREACION_ADMIN_PASSWORD");
    Set<String> properties = new LinkedHashSet<>();
    flatten("", new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml"))), properties);
    var app1 = ComposeFile.read().environment("app1", SHELL);
    for (String key : app1.keySet()) {
      // Spring Boot's relaxed binding: COCREACION_PUBLICURL sets cocreacion.public-url.
      String relaxed = key.toLowerCase().replace('_', '.');
      boolean bound = key.startsWith("SPRING_") || key.equals("TZ") || properties.contains(relaxed);
      assertThat(bound || read.contains(key)).as(key + " is read by the application").isTrue();
    }
    assertThat(app1).containsKeys("COCREACION_DB_URL", "COCREACION_DB_USER", "COCREACION_DB_PASSWORD",
        "COCREACION_ADMIN_PASSWORD");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBalancerKeepsSessionsOnOneNodeAndTheSecondNodeWaitsForTheFirst() throws IOException {
    var compose = ComposeFile.read();
    String nginx = ((Map<String, Map<String, Object>>) compose.root().get("configs")).get("nginx").get("content").toString();
    assertThat(nginx).contains("ip_hash;", "server app1:8080", "server app2:8080", "proxy_pass http://cocreacion;",
        "X-Forwarded-Proto");
    assertThat((List<String>) compose.service("balancer").get("depends_on")).containsExactlyInAnyOrder("app1", "app2");

    Map<String, Map<String, String>> app2 = (Map<String, Map<String, String>>) compose.service("app2").get("depends_on");
    assertThat(app2.get("app1")).containsEntry("condition", "service_healthy");
    assertThat(app2.get("postgres")).containsEntry("condition", "service_healthy");
    Map<String, Map<String, String>> app1 = (Map<String, Map<String, String>>) compose.service("app1").get("depends_on");
    assertThat(app1.get("postgres")).containsEntry("condition", "service_healthy");
    assertThat(compose.service("app1")).containsKey("healthcheck");
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object yaml, Set<String> properties) {
    if (yaml instanceof Map<?, ?> map) {
      map.forEach((key, value) -> flatten(prefix + key + ".", value, properties));
    } else {
      properties.add(prefix.substring(0, prefix.length() - 1).replace("-", ""));
    }
  }
}
