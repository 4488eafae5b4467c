package mx.cocreacion.operations;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What a failure of the database means for the person who sent the request, found in the cause chain of
 * whatever the engine, Spring or the JDBC driver threw. Nothing was stored in any of these cases (the
 * transaction rolled back), and the answer never quotes the persistence layer:
 * <ul>
 *   <li>the database is unreachable, restarting, out of resources, or ended the connection (SQL states 08,
 *       53, 57, 58 and any other {@link SQLException}; Spring's transient and resource failures): <b>503</b>
 *       with {@code Retry-After}, try again in a few seconds;</li>
 *   <li>two people changed the same thing at once (Camunda's optimistic locking, SQL states 40001 and 40P01):
 *       <b>409</b>, reload and try again;</li>
 *   <li>a value the database refused (SQL state 22: too long, out of range) or a broken constraint (23), which
 *       the validation should have caught: <b>400</b> and <b>409</b>.</li>
 * </ul>
 */
public final class DatabaseFaults {

  /** Seconds a client waits before trying again after a 503. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** A database failure as the client gets it. */
  public record Fault(int status, String type, String message) {

    public Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", type);
      body.put("message", message);
      body.put("code", null);
      return body;
    }

    public boolean retryLater() {
      return status == 503;
    }
  }

  static final Fault UNAVAILABLE = new Fault(503, "ServiceUnavailable",
      "La base de datos de la plataforma no respondió. No se guardó nada: intente de nuevo en unos segundos.");
  static final Fault CONFLICT = new Fault(409, "OptimisticLockingException",
      "Otra persona cambió lo mismo al mismo tiempo. No se guardó nada: vuelva a abrir la tarea e intente de nuevo.");
  static final Fault REFUSED_VALUE = new Fault(400, "ValidationException",
      "La base de datos rechazó un valor (demasiado largo o fuera de rango). No se guardó nada: revise los datos.");
  static final Fault CONSTRAINT = new Fault(409, "Conflict",
      "Lo enviado contradice lo que ya está registrado. No se guardó nada.");

  private DatabaseFaults() {}

  /** The fault in the cause chain of {@code exception}, if it is a database failure. */
  public static Optional<Fault> of(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException) {
        return Optional.of(CONFLICT);
      }
      if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException) {
        return Optional.of(UNAVAILABLE);
      }
      if (t instanceof SQLException sql) {
        return Optional.of(classify(sql));
      }
    }
    return Optional.empty();
  }

  private static Fault classify(SQLException sql) {
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    if (state.equals("40001") || state.equals("40P01")) {
      return CONFLICT;
    }
    if (state.startsWith("22")) {
      return REFUSED_VALUE;
    }
    if (state.startsWith("23")) {
      return CONSTRAINT;
    }
    // 08 connection, 53 resources, 57 operator intervention (e.g. 57P01 terminated), 58 system error; a
    // transient or recoverable exception; anything else from the database: it may work again shortly.
    return UNAVAILABLE;
  }
}
