package mx.cocreacion.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Which database the test suite runs on. {@code mvn verify} runs the suite twice (see pom.xml):
 * once on in-memory H2 and once, with the system property {@value #PROPERTY}={@value #POSTGRES}, on
 * the PostgreSQL of this machine or of CI ({@value #DEFAULT_HOST}:{@value #DEFAULT_PORT}, user
 * {@code postgres}, trust authentication; override with {@code -Dcocreacion.test.postgres.host/port/user/password}).
 *
 * <p>Each PostgreSQL run gets a clean database: {@link #recreate(String)} drops and creates it.
 * When PostgreSQL is unreachable, {@link #unavailableReason()} says why; the tests that need it are
 * then skipped with that reason, and fail under {@code CI=true} (see {@link PostgresCondition}).
 */
public final class TestDatabase {

  public static final String PROPERTY = "cocreacion.test.database";
  public static final String POSTGRES = "postgres";
  public static final String H2 = "h2";
  /** The database of the suite's PostgreSQL run (application-test-postgres.yaml). */
  public static final String SUITE_DATABASE = "cc_suite";
  static final String DEFAULT_HOST = "127.0.0.1";
  static final String DEFAULT_PORT = "5432";

  private static volatile Optional<String> unavailable;
  private static volatile boolean suiteDatabaseReady;

  private TestDatabase() {}

  /** The database selected for this test JVM: {@value #H2} unless {@value #PROPERTY}={@value #POSTGRES}. */
  public static String selected() {
    return System.getProperty(PROPERTY, H2).trim().toLowerCase(Locale.ROOT);
  }

  public static boolean postgresSelected() {
    return POSTGRES.equals(selected());
  }

  public static String host() {
    return System.getProperty("cocreacion.test.postgres.host", DEFAULT_HOST);
  }

  public static String port() {
    return System.getProperty("cocreacion.test.postgres.port", DEFAULT_PORT);
  }

  public static String user() {
    return System.getProperty("cocreacion.test.postgres.user", "postgres");
  }

  public static String password() {
    return System.getProperty("cocreacion.test.postgres.password", "");
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** Empty when PostgreSQL answers; otherwise the reason, in words (checked once per JVM). */
  public static synchronized Optional<String> unavailableReason() {
    if (unavailable == null) {
      try (Connection c = admin()) {
        c.createStatement().execute("select 1");
        unavailable = Optional.empty();
      } catch (SQLException e) {
        unavailable = Optional.of("PostgreSQL no disponible en " + host() + ":" + port() + " (usuario "
            + user() + "): " + e.getMessage().replaceAll("[.\\s]+$", ""));
      }
    }
    return unavailable;
  }

  /** The suite's database, recreated once per JVM before the Spring context first connects. */
  public static synchronized void prepareSuiteDatabase() {
    if (!suiteDatabaseReady) {
      recreate(SUITE_DATABASE);
      suiteDatabaseReady = true;
    }
  }

  /** Drops (closing its connections) and creates {@code database}: a clean slate. */
  public static void recreate(String database) {
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("nombre de base de datos no válido: " + database);
    }
    try (Connection c = admin(); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database + " encoding 'UTF8' template template0");
    } catch (SQLException e) {
      throw new IllegalStateException("No se pudo recrear la base de datos " + database + ": " + e.getMessage(), e);
    }
  }

  private static Connection admin() throws SQLException {
    DriverManager.setLoginTimeout(5);
    return DriverManager.getConnection(url("postgres"), user(), password());
  }
}
