package mx.cocreacion.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that needs PostgreSQL whatever the suite's database (e.g. the cluster test): it runs only in
 * the suite's PostgreSQL run (tag {@value #TAG}, excluded from the H2 run in pom.xml), and is skipped
 * with the reason, or fails under {@code CI=true}, when PostgreSQL is unreachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RequiresPostgres.TAG)
@ExtendWith(PostgresCondition.class)
public @interface RequiresPostgres {
  String TAG = "postgres-only";
}
