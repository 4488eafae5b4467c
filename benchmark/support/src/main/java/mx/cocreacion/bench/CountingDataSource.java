package mx.cocreacion.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a node sends to its database: every {@code execute*} call of a
 * statement, and every {@code addBatch} of a JDBC batch (each batched statement counts once, the
 * {@code executeBatch} that sends them does not). The same wrapper runs in both peers, so the
 * figures compare.
 */
public class CountingDataSource extends DelegatingDataSource {

  static final LongAdder STATEMENTS = new LongAdder();
  /** Executions by statement text (first 120 characters), to see where a peer's statements go. */
  static final Map<String, LongAdder> BY_TEXT = new ConcurrentHashMap<>();
  /** Off by default (it costs CPU in the node): the timed runs only count. */
  static volatile boolean byText;
  private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "addBatch");

  public CountingDataSource(DataSource target) {
    super(target);
  }

  public static long statements() {
    return STATEMENTS.sum();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(super.getConnection(username, password));
  }

  private static Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
          if (result instanceof CallableStatement s) {
            return statement(s, CallableStatement.class, sql);
          }
          if (result instanceof PreparedStatement s) {
            return statement(s, PreparedStatement.class, sql);
          }
          if (result instanceof Statement s) {
            return statement(s, Statement.class, null);
          }
          return result;
        });
  }

  private static Object statement(Statement target, Class<?> type, String prepared) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (EXECUTES.contains(method.getName())) {
        STATEMENTS.increment();
        if (!byText) {
          return invoke(target, method, args);
        }
        String sql = prepared != null ? prepared
            : args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
        String key = sql.replaceAll("\\s+", " ").trim();
        BY_TEXT.computeIfAbsent(key.length() > 120 ? key.substring(0, 120) : key, k -> new LongAdder()).increment();
      }
      return invoke(target, method, args);
    };
    return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
