package mx.cocreacion.tenancy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 32 entidades federativas shipped with the product ({@code entidades.csv}); one tenant each. */
public final class EntityCatalogue {

  private static final Map<String, Entity> ENTITIES = load();

  private EntityCatalogue() {}

  public static List<Entity> all() {
    return List.copyOf(ENTITIES.values());
  }

  public static Optional<Entity> find(String code) {
    return Optional.ofNullable(code == null ? null : ENTITIES.get(code));
  }

  public static boolean exists(String code) {
    return find(code).isPresent();
  }

  public static String nameOf(String code) {
    return find(code).map(Entity::name).orElse(code);
  }

  private static Map<String, Entity> load() {
    var stream = EntityCatalogue.class.getResourceAsStream("/entidades.csv");
    if (stream == null) {
      throw new IllegalStateException("entidades.csv is missing from the classpath");
    }
    var entities = new LinkedHashMap<String, Entity>();
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>(reader.lines().toList());
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        int comma = line.indexOf(',');
        var entity = new Entity(line.substring(0, comma).trim(), line.substring(comma + 1).trim());
        entities.put(entity.code(), entity);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(entities);
  }
}
