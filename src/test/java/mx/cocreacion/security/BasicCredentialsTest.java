package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** HTTP Basic read in one place: what counts as credentials and what does not. */
class BasicCredentialsTest {

  static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPasswordInUtf8AndKeepsColonsOfThePassword() {
    assertThat(BasicCredentials.of(basic("laura@mesas.mx:clave:con:dos-puntos-ñ")))
        .hasValue(new BasicCredentials("laura@mesas.mx", "clave:con:dos-puntos-ñ"));
    assertThat(BasicCredentials.of(basic("admin:x").replace("Basic", "bAsIc"))).isPresent();
  }

  @Test
  void nothingForAnotherSchemeBadBase64OrNoUser() {
    assertThat(BasicCredentials.of(null)).isEmpty();
    assertThat(BasicCredentials.of("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.isBasic("Bearer abc")).isFalse();
    assertThat(BasicCredentials.of("Basic %%%")).isEmpty();
    assertThat(BasicCredentials.isBasic("Basic %%%")).isTrue();
    assertThat(BasicCredentials.of(basic("sin-dos-puntos"))).isEmpty();
    assertThat(BasicCredentials.of(basic(":solo-clave"))).isEmpty();
  }

  @Test
  void neverShowsThePassword() {
    assertThat(new BasicCredentials("admin", "secreta").toString()).doesNotContain("secreta").contains("admin");
  }
}
