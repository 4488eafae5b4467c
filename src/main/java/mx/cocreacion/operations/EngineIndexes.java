package mx.cocreacion.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that Camunda's schema lacks and the platform's work needs at national scale
 * (docs/benchmark.md, «Two look-ups without an index» and «Every authorized query read every grant»). Each turned
 * one of Camunda's statements into a read of a whole table:
 * <ul>
 *   <li>{@code ACT_ID_USER (EMAIL_)}: before an account gets a role, {@link mx.cocreacion.security.AccountProvisioning}
 *       asks which accounts have that e-mail ({@code createUserQuery().userEmail(…)}), seven times per exercise; the
 *       table holds every account of every entidad.</li>
 *   <li>{@code ACT_RU_TASK (PARENT_TASK_ID_)}: Camunda looks for a task's subtasks whenever it deletes the task, so
 *       on every completion; the open tasks of the platform carry their Spanish descriptions, and each completion
 *       read every live and not yet vacuumed row.</li>
 *   <li>{@code ACT_RU_AUTHORIZATION (USER_ID_)}: every query Camunda answers for a signed-in person (task lists,
 *       process instances, jobs, in Tasklist, Cockpit and engine REST) joins the person's grants, {@code TYPE_ < 2 and
 *       (USER_ID_ in (person, '*') or GROUP_ID_ in (their groups))}. Camunda indexes the group alone, but the user only
 *       behind {@code TYPE_} (its unique constraint), so PostgreSQL read every grant of the country for each such
 *       query; the table keeps the per-task grants of every exercise (about 44 rows each) until history cleanup.</li>
 * </ul>
 *
 * <p>Created once the engine has built (and created or updated) its schema, with {@code create index if not exists}
 * (PostgreSQL and H2 alike), so a database that already holds exercises gets them at the next start. Two nodes
 * starting at once may race on the same name: the loser tries again and finds the index made by the other. An index
 * that still cannot be made is logged as an error and the node starts anyway: the platform works without it, only slower.
 * The names start with {@code CC_} so that they are told from Camunda's in an upgrade.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** An index: its name, Camunda's table (without the configured prefix) and its column. */
  record Index(String name, String table, String column) {}

  /** Tries per index before it is logged as missing (a race between starting nodes resolves on the second). */
  private static final int ATTEMPTS = 5;

  static final List<Index> INDEXES = List.of(
      new Index("CC_IDX_ID_USER_EMAIL", "ACT_ID_USER", "EMAIL_"),
      new Index("CC_IDX_RU_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
      new Index("CC_IDX_RU_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_"));

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    ensure(configuration.getDataSource(), prefix);
  }

  /** Creates each index the database lacks; returns the names of those it has afterwards. */
  static List<String> ensure(DataSource dataSource, String prefix) {
    return INDEXES.stream().filter(index -> ensure(dataSource, prefix, index)).map(Index::name).toList();
  }

  private static boolean ensure(DataSource dataSource, String prefix, Index index) {
    String ddl = "create index if not exists " + index.name() + " on " + prefix + index.table()
        + " (" + index.column() + ")";
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        // Asked first, although the statement says "if not exists": PostgreSQL locks the table against writes before
        // it looks for the name, so a node restarting beside running ones would hold up their completions.
        if (exists(connection, index)) {
          return true;
        }
        create(connection, ddl);
        LOG.info("Índice {} creado en {}({})", index.name(), index.table(), index.column());
        return true;
      } catch (SQLException e) {
        // Another node creating the same index at that moment: PostgreSQL answers with a duplicate name in pg_class;
        // H2 may fail inside (ConcurrentModificationException) while another index or rows of the table are written.
        // The next attempt finds it, or makes it.
        if (attempt == ATTEMPTS) {
          LOG.error("No se pudo crear el índice {} ({}): la plataforma funciona sin él, pero más lenta a escala "
              + "nacional. Créelo a mano con: {}", index.name(), e.getMessage(), ddl);
          return false;
        }
        pause(attempt);
      }
    }
  }

  private static void create(Connection connection, String ddl) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute(ddl);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean exists(Connection connection, Index index) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    // PostgreSQL folds unquoted names to lower case, H2 to upper case.
    for (String table : List.of(index.table().toLowerCase(Locale.ROOT), index.table())) {
      try (ResultSet indexes = metadata.getIndexInfo(connection.getCatalog(), null, table, false, true)) {
        while (indexes.next()) {
          if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
