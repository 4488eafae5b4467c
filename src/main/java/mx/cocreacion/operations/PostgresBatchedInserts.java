package mx.cocreacion.operations;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's batched inserts travel as multi-row inserts (pgjdbc's {@code reWriteBatchedInserts}).
 *
 * <p>Camunda flushes a command's writes as JDBC batches, the inserts of one table together: a completion writes
 * its form's variables, their history, the task's grants and its operation log, several rows per table. pgjdbc
 * sends such a batch as one statement per row; with {@code reWriteBatchedInserts} it sends one
 * {@code insert … values (…), (…)} for them, which PostgreSQL parses, plans and executes once
 * (docs/benchmark.md, «Batched inserts as one statement»). Camunda supports it: an insert's affected-row count,
 * which the driver then no longer gives per row, is the one count it does not check ({@code
 * BatchDbSqlSession.requiresAffectedRows}). Updates and deletes, whose counts carry the optimistic locking, are
 * not rewritten. The platform's own tables are written one row at a time and do not use batches.
 *
 * <p>Set on every PostgreSQL pool of the application (production's {@code application-postgres.yaml} and the
 * suite's alike) unless the configuration names the property itself
 * ({@code spring.datasource.hikari.data-source-properties.reWriteBatchedInserts: false} turns it off; a
 * {@code reWriteBatchedInserts} parameter in the JDBC URL wins over both, as in pgjdbc). H2 is left as it is.
 */
@Component
public class PostgresBatchedInserts implements BeanPostProcessor {

  static final String PROPERTY = "reWriteBatchedInserts";

  /**
   * Before initialization: the pool's properties are bound by then (Spring Boot binds them in its own, earlier post
   * processor), and no other post processor has yet wrapped the pool (a proxy or a statement counter would hide it).
   */
  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      apply(pool);
    }
    return bean;
  }

  /** Adds the property to a pool that opens no connection yet, if it is a PostgreSQL one that does not name it. */
  static void apply(HikariDataSource pool) {
    String url = pool.getJdbcUrl();
    if (url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") && !pool.isRunning()
        && pool.getDataSourceProperties().keySet().stream().noneMatch(k -> PROPERTY.equalsIgnoreCase(k.toString()))) {
      pool.addDataSourceProperty(PROPERTY, "true");
    }
  }
}
