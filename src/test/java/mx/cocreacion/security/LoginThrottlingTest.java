package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.Http;
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

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  private Http http;

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

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void deleteUser() {
    engine.getIdentityService().deleteUser(USER);
  }

  /** The status of an engine REST request with this password. */
  private int status(String password) {
    return http.send(USER, password, http.request("/engine-rest/task/count").GET()).status();
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
