package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mx.cocreacion.support.CocreacionTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's indexes on Camunda's tables are there once the engine has started, and one that is missing
 * (a database from before them) is created at the next start, also when nodes start at the same moment.
 */
@CocreacionTest
class EngineIndexesTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEngineStartsWithTheIndexesOnCamundasTables() throws SQLException {
    for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
      assertThat(indexedColumns(index.table())).as(index.name()).contains(index.column());
    }
  }

  @Test
  void missingIndexesAreCreatedAtTheNextStartEvenWhenFourNodesStartAtOnce() throws Exception {
    jdbc.execute("drop index CC_IDX_RU_TASK_PARENT");
    jdbc.execute("drop index CC_IDX_RU_AUTH_USER");
    assertThat(indexedColumns("ACT_RU_TASK")).doesNotContain("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).doesNotContain("USER_ID_");

    ExecutorService nodes = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> made = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        made.add(nodes.submit(() -> {
          start.await();
          return EngineIndexes.ensure(dataSource, "");
        }));
      }
      start.countDown();
      for (Future<List<String>> node : made) {
        assertThat(node.get(30, TimeUnit.SECONDS)).containsExactly("CC_IDX_ID_USER_EMAIL", "CC_IDX_RU_TASK_PARENT",
            "CC_IDX_RU_AUTH_USER");
      }
    } finally {
      nodes.shutdownNow();
      EngineIndexes.ensure(dataSource, "");
    }
    assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).contains("USER_ID_");
  }

  /** Columns of the table that lead an index named CC_… (upper case). */
  private List<String> indexedColumns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rows = connection.getMetaData().getIndexInfo(connection.getCatalog(), null, name, false, true)) {
          while (rows.next()) {
            String index = rows.getString("INDEX_NAME");
            if (index != null && index.toUpperCase(Locale.ROOT).startsWith("CC_") && rows.getShort("ORDINAL_POSITION") == 1) {
              columns.add(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }
}
