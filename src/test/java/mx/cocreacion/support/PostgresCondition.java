package mx.cocreacion.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when its database is there. On the suite's H2 run every test runs. On the
 * PostgreSQL run (or for a test that always needs PostgreSQL, {@link RequiresPostgres}) an
 * unreachable server disables the tests with the reason, so Maven reports them as skipped; under
 * {@code CI=true} it is an error instead, so CI never passes without the PostgreSQL run.
 *
 * <p>Evaluated before Spring loads the context, which is why it also recreates the suite database.
 */
public class PostgresCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    boolean always = context.getElement().map(e -> e.isAnnotationPresent(RequiresPostgres.class)).orElse(false);
    if (!always && !TestDatabase.postgresSelected()) {
      return ConditionEvaluationResult.enabled("base de datos de prueba: " + TestDatabase.selected());
    }
    var reason = TestDatabase.unavailableReason();
    if (reason.isPresent()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(reason.get() + ". En CI (CI=true) las pruebas en PostgreSQL son obligatorias.");
      }
      return ConditionEvaluationResult.disabled(reason.get() + ". Pruebas en PostgreSQL omitidas (con CI=true fallan).");
    }
    if (TestDatabase.postgresSelected() && !always) {
      TestDatabase.prepareSuiteDatabase();
    }
    return ConditionEvaluationResult.enabled("PostgreSQL en " + TestDatabase.host() + ":" + TestDatabase.port());
  }
}
