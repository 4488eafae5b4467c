package mx.cocreacion.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What each engine command is for a person of the platform: the table {@code engine-commands.txt}
 * (next to this class) classifies every command of Camunda 7.24.0 that a REST call, a webapp or the
 * Java API can run. {@link EndUserGuard} lets a person run reads and the writes their tasks need, and
 * refuses the rest. A command that is not in the table is refused too (fail closed); the test
 * {@code EngineCommandsTest} fails when a Camunda upgrade brings one, so it gets classified.
 */
public final class EngineCommands {

  /** The kinds of the table. */
  public enum Kind {
    /** Reads; the engine's authorization and tenant checks decide. */
    READ("read"),
    /** Reads the engine does not check (attachments, comments): the guard checks visibility. */
    GUARDED_READ("guarded-read"),
    /** What the people of an exercise do; allowed with the guard's checks. */
    USER_WRITE("user-write"),
    /** Run by the engine itself; refused when a person asks for it. */
    INTERNAL("internal"),
    /** Powers that bypass the model: camunda-admin only. */
    ADMINISTRATION("administration");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Kind of(String label) {
      for (Kind kind : values()) {
        if (kind.label.equals(label)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("Unknown kind of command: " + label);
    }
  }

  static final String TABLE = "engine-commands.txt";
  private static final Map<String, Kind> KINDS = load();

  private EngineCommands() {}

  /** The kind of a command; queries are reads; empty when the table does not know it. */
  public static Optional<Kind> kindOf(Command<?> command) {
    if (command instanceof AbstractQuery<?, ?>) {
      return Optional.of(Kind.READ);
    }
    return Optional.ofNullable(KINDS.get(command.getClass().getName()));
  }

  /** The whole table: class name → kind. */
  public static Map<String, Kind> table() {
    return KINDS;
  }

  private static Map<String, Kind> load() {
    var stream = EngineCommands.class.getResourceAsStream(TABLE);
    if (stream == null) {
      throw new IllegalStateException(TABLE + " is missing next to " + EngineCommands.class.getName());
    }
    Map<String, Kind> kinds = new LinkedHashMap<>();
    try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line : reader.lines().toList()) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 2 || kinds.put(parts[0], Kind.of(parts[1])) != null) {
          throw new IllegalStateException(TABLE + ": line not understood or repeated: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(kinds);
  }
}
