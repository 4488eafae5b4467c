package mx.cocreacion.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles of {@link CocreacionTest}: {@code test} (H2), plus {@code test-postgres} on the suite's
 * PostgreSQL run ({@code -Dcocreacion.test.database=postgres}, application-test-postgres.yaml).
 */
public class DatabaseProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    return TestDatabase.postgresSelected() ? new String[] {"test", "test-postgres"} : new String[] {"test"};
  }
}
