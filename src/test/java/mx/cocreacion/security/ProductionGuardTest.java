package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mx.cocreacion.CocreacionApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Unsafe configurations stop the application while the environment is prepared, before any bean
 * or the process engine exists (so these start-ups fail in well under a second).
 */
class ProductionGuardTest {

  private static Throwable start(String profile, String... args) {
    Throwable failure = null;
    try (var context = new SpringApplicationBuilder(CocreacionApplication.class)
        .web(WebApplicationType.NONE).profiles(profile).run(args)) {
      // Not expected: the configurations below must not start.
    } catch (RuntimeException e) {
      failure = e;
    }
    return failure;
  }

  @Test
  void postgresProfileWithoutAdminPasswordDoesNotStart() {
    // No COCREACION_ADMIN_PASSWORD: application-postgres.yaml leaves the password unresolved.
    assertThat(start("postgres", "--cocreacion.demo.enabled=false"))
        .isInstanceOf(ProductionGuard.UnsafeConfigurationException.class)
        .hasMessageContaining("camunda.bpm.admin-user.password")
        .hasMessageContaining("contraseña de administración")
        .hasMessageContaining("admin password");
  }

  @Test
  void demoPasswordOutsideDemoModeDoesNotStart() {
    assertThat(start("postgres", "--cocreacion.demo.enabled=false", "--camunda.bpm.admin-user.password=demo"))
        .isInstanceOf(ProductionGuard.UnsafeConfigurationException.class)
        .hasMessageContaining("camunda.bpm.admin-user.password");
    // Also without a production profile (e.g. the H2 profile with demo mode turned off).
    assertThat(start("default", "--cocreacion.demo.enabled=false"))
        .isInstanceOf(ProductionGuard.UnsafeConfigurationException.class)
        .hasMessageContaining("camunda.bpm.admin-user.password");
  }

  @Test
  void h2ConsoleWithProductionProfileDoesNotStart() {
    for (String profile : new String[] {"postgres", "prod", "production"}) {
      assertThat(start(profile, "--cocreacion.demo.enabled=false", "--camunda.bpm.admin-user.password=S3gura!larga",
          "--spring.h2.console.enabled=true"))
          .as(profile)
          .isInstanceOf(ProductionGuard.UnsafeConfigurationException.class)
          .hasMessageContaining("spring.h2.console.enabled=false")
          .hasMessageContaining("consola de H2")
          .hasMessageContaining("H2 console")
          .message().doesNotContain("admin-user.password");
    }
  }

  @Test
  void demoModeWithProductionProfileNeedsExplicitPermission() {
    assertThat(start("postgres", "--cocreacion.demo.enabled=true"))
        .isInstanceOf(ProductionGuard.UnsafeConfigurationException.class)
        .hasMessageContaining("cocreacion.demo.allow-in-production=true")
        .hasMessageContaining("modo demo")
        .hasMessageContaining("Demo mode");
  }

  @Test
  void safeConfigurationsPass() {
    // The default demo configuration (started by every other test) and a proper production one.
    assertThat(ProductionGuard.problems(new MockEnvironment()
        .withProperty("cocreacion.demo.enabled", "true").withProperty("camunda.bpm.admin-user.password", "demo")))
        .isEmpty();
    var production = new MockEnvironment().withProperty("cocreacion.demo.enabled", "false")
        .withProperty("camunda.bpm.admin-user.password", "S3gura!larga")
        .withProperty("spring.h2.console.enabled", "false");
    production.setActiveProfiles("postgres");
    assertThat(ProductionGuard.problems(production)).isEmpty();
    var demoAllowed = new MockEnvironment().withProperty("cocreacion.demo.enabled", "true")
        .withProperty("cocreacion.demo.allow-in-production", "true");
    demoAllowed.setActiveProfiles("prod");
    assertThat(ProductionGuard.problems(demoAllowed)).isEmpty();
  }

  @Test
  void unresolvedPlaceholderCountsAsMissing() {
    var environment = new MockEnvironment().withProperty("cocreacion.demo.enabled", "false")
        .withProperty("camunda.bpm.admin-user.password", "${NO_SUCH_VARIABLE_FOR_THE_GUARD}");
    assertThat(ProductionGuard.problems(environment)).singleElement().asString()
        .contains("camunda.bpm.admin-user.password");
    assertThatThrownBy(() -> new ProductionGuard().postProcessEnvironment(environment, null))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Configuración insegura");
  }
}
