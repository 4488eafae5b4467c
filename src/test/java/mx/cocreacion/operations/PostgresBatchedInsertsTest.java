package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's PostgreSQL pool sends the engine's batched inserts as multi-row inserts, H2's is left alone, an
 * explicit setting wins, and the engine's writes behave as before: a batch of one table is stored whole, and a
 * batch with a failing row stores nothing.
 */
@CocreacionTest
class PostgresBatchedInsertsTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine engine;

  private <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  @Test
  void theApplicationsPoolRewritesOnPostgresOnly() throws Exception {
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    if (TestDatabase.postgresSelected()) {
      assertThat(pool.getDataSourceProperties()).containsEntry(PostgresBatchedInserts.PROPERTY, "true");
      try (Connection connection = dataSource.getConnection()) {
        assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
      }
    } else {
      assertThat(pool.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
    }
  }

  @Test
  void onlyAPostgresPoolThatDoesNotNameThePropertyGetsIt() {
    try (HikariDataSource h2 = pool("jdbc:h2:mem:x");
        HikariDataSource postgres = pool("jdbc:postgresql://127.0.0.1:5432/x");
        HikariDataSource postgresOff = pool("jdbc:postgresql://127.0.0.1:5432/x")) {
      postgresOff.addDataSourceProperty(PostgresBatchedInserts.PROPERTY, "false");
      for (HikariDataSource each : List.of(h2, postgres, postgresOff)) {
        PostgresBatchedInserts.apply(each);
      }
      assertThat(h2.getDataSourceProperties()).isEmpty();
      assertThat(postgres.getDataSourceProperties()).containsOnlyKeys(PostgresBatchedInserts.PROPERTY)
          .containsEntry(PostgresBatchedInserts.PROPERTY, "true");
      assertThat(postgresOff.getDataSourceProperties()).containsOnlyKeys(PostgresBatchedInserts.PROPERTY)
          .containsEntry(PostgresBatchedInserts.PROPERTY, "false");
    }
  }

  @Test
  void thePoolGetsItEvenWhenAnotherPostProcessorWrapsThePool() {
    try (var context = new AnnotationConfigApplicationContext()) {
      // The wrapper first, as the benchmark's statement counter was (it hid the pool from an after-initialization look).
      context.registerBean("wrapper", BeanPostProcessor.class, () -> new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof DataSource ds ? new DelegatingDataSource(ds) : bean;
        }
      });
      context.registerBean(PostgresBatchedInserts.class);
      context.registerBean("dataSource", HikariDataSource.class, () -> pool("jdbc:postgresql://127.0.0.1:5432/x"));
      context.refresh();
      DelegatingDataSource wrapped = (DelegatingDataSource) context.getBean("dataSource");
      assertThat(((HikariDataSource) wrapped.getTargetDataSource()).getDataSourceProperties())
          .containsEntry(PostgresBatchedInserts.PROPERTY, "true");
    }
  }

  @Test
  void aBatchOfOneTableIsStoredWholeAndABatchWithAFailingRowStoresNothing() {
    List<String> ids = inCommand(context -> {
      List<String> made = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        ByteArrayEntity bytes = new ByteArrayEntity("lote-" + i, new byte[] {(byte) i});
        context.getDbEntityManager().insert(bytes);
        made.add(bytes.getId());
      }
      return made;
    });
    for (int i = 0; i < ids.size(); i++) {
      assertThat(bytesOf(ids.get(i))).containsExactly((byte) i);
    }

    String fresh = UUID.randomUUID().toString();
    String taken = ids.get(0);
    assertThatThrownBy(() -> inCommand(context -> {
      context.getDbEntityManager().insert(withId(fresh));
      context.getDbEntityManager().insert(withId(taken));
      return null;
    })).isInstanceOf(ProcessEngineException.class);
    assertThat(bytesOf(fresh)).isNull();
    assertThat(bytesOf(taken)).containsExactly((byte) 0);

    inCommand(context -> {
      for (String id : ids) {
        context.getDbEntityManager().delete(context.getDbEntityManager().selectById(ByteArrayEntity.class, id));
      }
      return null;
    });
  }

  private static ByteArrayEntity withId(String id) {
    ByteArrayEntity bytes = new ByteArrayEntity("repetido", new byte[] {42});
    bytes.setId(id);
    return bytes;
  }

  private byte[] bytesOf(String id) {
    return inCommand(context -> {
      ByteArrayEntity found = context.getDbEntityManager().selectById(ByteArrayEntity.class, id);
      return found == null ? null : found.getBytes();
    });
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
