package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import mx.cocreacion.support.CocreacionTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's login throttling (configured in application.yaml): after a wrong password the user is
 * locked for loginDelayBase seconds (growing by loginDelayFactor per failure, at most
 * loginDelayMaxTime), so even the right password is refused meanwhile. A user of its own, so the
 * lock disturbs no other test.
 */
@CocreacionTest
class LoginThrottlingTest {

  private static final String USER = "throttle-probe";
  private static final String PASSWORD = "Clave-correcta-1";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @BeforeEach
  void createUser() {
    ClockUtil.reset(); // the lock is measured with the engine clock: real time here
    IdentityService identity = engine.getIdentityService();
    identity.deleteUser(USER);
    var user = identity.newUser(USER);
    user.setFirstName("Prueba");
    user.setLastName("Bloqueo");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
  }

  @AfterEach
  void deleteUser() {
    engine.getIdentityService().deleteUser(USER);
  }

  private int status(String password) throws Exception {
    String basic = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
        .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void configuredValuesAreApplied() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getLoginMaxAttempts()).isEqualTo(10);
    assertThat(configuration.getLoginDelayFactor()).isEqualTo(2);
    assertThat(configuration.getLoginDelayBase()).isEqualTo(3);
    assertThat(configuration.getLoginDelayMaxTime()).isEqualTo(60);
  }

  @Test
  void aWrongPasswordLocksTheUserForAWhile() throws Exception {
    assertThat(status(PASSWORD)).isEqualTo(200);

    assertThat(status("equivocada")).isEqualTo(401);
    // Locked for loginDelayBase (3 s): the right password is refused too.
    assertThat(status(PASSWORD)).isEqualTo(401);

    Thread.sleep(3_500);
    assertThat(status(PASSWORD)).as("the lock expired").isEqualTo(200);
  }
}
