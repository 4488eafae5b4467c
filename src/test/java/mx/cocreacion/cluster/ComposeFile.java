package mx.cocreacion.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} as Docker Compose reads it: YAML with merge keys ({@code <<: *app})
 * and {@code ${VAR:-default}} / {@code ${VAR:?message}} interpolation from a given environment.
 */
final class ComposeFile {

  static final Path PATH = Path.of("docker-compose.yml");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::([-?])([^}]*))?}");

  private final Map<String, Object> root;

  private ComposeFile(Map<String, Object> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static ComposeFile read() throws IOException {
    try (Reader reader = Files.newBufferedReader(PATH)) {
      return new ComposeFile((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
    }
  }

  Map<String, Object> root() {
    return root;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> service(String name) {
    Map<String, Object> services = (Map<String, Object>) root.get("services");
    Object service = services.get(name);
    if (service == null) {
      throw new AssertionError("docker-compose.yml no define el servicio " + name);
    }
    return (Map<String, Object>) service;
  }

  /** A service's environment with Compose's interpolation applied from {@code shell}. */
  @SuppressWarnings("unchecked")
  Map<String, String> environment(String service, Map<String, String> shell) {
    Map<String, String> environment = new LinkedHashMap<>();
    ((Map<String, Object>) service(service).getOrDefault("environment", Map.of()))
        .forEach((key, value) -> environment.put(key, interpolate(String.valueOf(value), shell)));
    return environment;
  }

  static String interpolate(String value, Map<String, String> shell) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String set = shell.get(m.group(1));
      String replacement;
      if (set != null && !set.isEmpty()) {
        replacement = set;
      } else if ("?".equals(m.group(2))) {
        throw new IllegalArgumentException("docker compose exige " + m.group(1) + ": " + m.group(3));
      } else {
        replacement = m.group(3) == null ? "" : m.group(3);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
