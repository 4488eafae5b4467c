package mx.cocreacion.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start an unsafe configuration, before any bean (and the process engine) is created.
 * Registered in {@code META-INF/spring.factories}; runs after the configuration files are read, so
 * it sees the active profiles and every property source.
 *
 * <ul>
 *   <li>A production profile ({@code postgres}, {@code prod}, {@code production}) with
 *       {@code spring.h2.console.enabled=true}.</li>
 *   <li>Demo mode off and {@code camunda.bpm.admin-user.password} empty, missing or {@code demo}.</li>
 *   <li>Demo mode on with a production profile, unless
 *       {@code cocreacion.demo.allow-in-production=true}.</li>
 * </ul>
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

  static final Set<String> PRODUCTION_PROFILES = Set.of("postgres", "prod", "production");
  static final String DEMO_ENABLED = "cocreacion.demo.enabled";
  static final String DEMO_IN_PRODUCTION = "cocreacion.demo.allow-in-production";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  static final String H2_CONSOLE = "spring.h2.console.enabled";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new UnsafeConfigurationException(problems);
    }
  }

  /** What is wrong with this configuration (empty when it may start). */
  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    boolean production = Arrays.stream(environment.getActiveProfiles())
        .anyMatch(profile -> PRODUCTION_PROFILES.contains(profile.toLowerCase()));
    boolean demo = flag(environment, DEMO_ENABLED);
    if (production && flag(environment, H2_CONSOLE)) {
      problems.add("La consola de H2 está activa con un perfil de producción: ponga " + H2_CONSOLE + "=false. / "
          + "The H2 console is enabled with a production profile: set " + H2_CONSOLE + "=false.");
    }
    if (!demo) {
      String password = property(environment, ADMIN_PASSWORD);
      if (password == null || password.isBlank() || password.trim().equalsIgnoreCase("demo")) {
        problems.add("Fuera del modo demo se requiere una contraseña de administración distinta de 'demo': configure "
            + ADMIN_PASSWORD + " (variable COCREACION_ADMIN_PASSWORD). / Outside demo mode an admin password other "
            + "than 'demo' is required: set " + ADMIN_PASSWORD + " (variable COCREACION_ADMIN_PASSWORD).");
      }
    }
    if (demo && production && !flag(environment, DEMO_IN_PRODUCTION)) {
      problems.add("El modo demo (" + DEMO_ENABLED + "=true, usuarios con contraseña conocida) está activo con un "
          + "perfil de producción; desactívelo o ponga " + DEMO_IN_PRODUCTION + "=true explícitamente. / Demo mode ("
          + DEMO_ENABLED + "=true, users with a known password) is on with a production profile; turn it off or set "
          + DEMO_IN_PRODUCTION + "=true explicitly.");
    }
    return problems;
  }

  private static boolean flag(Environment environment, String name) {
    return "true".equalsIgnoreCase(String.valueOf(property(environment, name)).trim());
  }

  /** The property, or null when missing or when its placeholder (an unset variable) cannot be resolved. */
  private static String property(Environment environment, String name) {
    try {
      return environment.getProperty(name);
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }

  /** Startup failure with every problem found, in Spanish and English. */
  public static class UnsafeConfigurationException extends IllegalStateException {
    UnsafeConfigurationException(List<String> problems) {
      super("Configuración insegura, la aplicación no arranca / Unsafe configuration, the application will not start:\n - "
          + String.join("\n - ", problems));
    }
  }
}
