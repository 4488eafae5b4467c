package mx.cocreacion.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory H2 database and demo users. Every
 * test class uses this one configuration, so Spring caches a single context (one engine) that
 * process, REST and browser tests share. Tests isolate themselves with their own business keys.
 *
 * <p>The suite runs on H2 and again on PostgreSQL ({@link TestDatabase}, {@link DatabaseProfiles}):
 * there the PostgreSQL run is skipped with the reason when the server is unreachable (fails under CI=true).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = mx.cocreacion.CocreacionApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = DatabaseProfiles.class)
@ExtendWith(PostgresCondition.class)
public @interface CocreacionTest {}
