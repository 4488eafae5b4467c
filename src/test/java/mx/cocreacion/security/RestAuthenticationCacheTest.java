package mx.cocreacion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Engine REST logins are kept for a short while ({@link RestAuthenticationCache}): a repeated login
 * does not read the user again, a wrong password and an account change through the process forget
 * the login at once, and the period ends it.
 */
@CocreacionTest
class RestAuthenticationCacheTest {

  private static final String USER = "cache-probe";
  private static final String PASSWORD = "Clave-de-prueba-7";

  @Autowired
  ProcessEngine engine;
  @Autowired
  AccountProvisioning provisioning;
  @Autowired
  RestAuthenticationCache cache;
  @Autowired
  ApplicationEventPublisher events;

  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  private final AtomicLong nanos = new AtomicLong();

  @BeforeEach
  void createUser() {
    IdentityService identity = engine.getIdentityService();
    deleteUser();
    var user = identity.newUser(USER);
    user.setFirstName("Prueba");
    user.setLastName("Caché");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(USER, Roles.GUARANTOR);
    identity.createTenantUserMembership("oax", USER);
  }

  @AfterEach
  void deleteUser() {
    engine.getIdentityService().deleteUser(USER);
    cache.forget(USER);
  }

  private AuthenticationResult login(RestAuthConfiguration.CachingBasicAuthentication provider, String password) {
    var request = new MockHttpServletRequest();
    request.addHeader("Authorization", Http.basic(USER, password));
    return provider.extractAuthenticatedUser(request, engine);
  }

  private RestAuthConfiguration.CachingBasicAuthentication provider(Duration period) {
    return new RestAuthConfiguration.CachingBasicAuthentication(new RestAuthenticationCache(period, nanos::get));
  }

  @Test
  void aRepeatedLoginIsAnsweredWithoutReadingTheUserAgain() {
    var provider = provider(Duration.ofSeconds(30));
    AuthenticationResult first = login(provider, PASSWORD);
    assertThat(first.isAuthenticated()).isTrue();
    assertThat(first.getGroups()).containsExactly(Roles.GUARANTOR);
    assertThat(first.getTenants()).containsExactly("oax");

    // Changed behind the cache's back (as the Admin webapp would): the kept login still answers...
    engine.getIdentityService().createTenantUserMembership("jal", USER);
    AuthenticationResult again = login(provider, PASSWORD);
    assertThat(again.isAuthenticated()).isTrue();
    assertThat(again.getTenants()).containsExactly("oax");

    // ...until the period ends.
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(login(provider, PASSWORD).getTenants()).containsExactlyInAnyOrder("oax", "jal");
  }

  @Test
  void aWrongPasswordOnTheActuatorForgetsTheKeptEngineRestLogin() {
    assertThat(overHttp("/engine-rest/task/count", PASSWORD)).isEqualTo(200);
    assertThat(overHttp("/engine-rest/task/count", PASSWORD)).as("kept").isEqualTo(200);

    assertThat(overHttp("/actuator/prometheus", "otra-clave-9")).isEqualTo(401);
    // The wrong password locks the user for a while, and engine REST no longer answers from a kept login.
    assertThat(overHttp("/engine-rest/task/count", PASSWORD)).isEqualTo(401);
    engine.getIdentityService().unlockUser(USER);
  }

  @Test
  void theFilterFindsTheEngineByNameAndRefusesAnUnknownOne() {
    Http http = new Http(port);
    var byName = http.send(USER, PASSWORD, http.request("/engine-rest/engine/default/task/count").GET());
    assertThat(byName.status()).as(byName.body()).isEqualTo(200);
    var unknown = http.send(USER, PASSWORD, http.request("/engine-rest/engine/otro/task/count").GET());
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("otro");
    var wrongPassword = http.send(USER, "otra-clave-9", http.request("/engine-rest/engine/default/task/count").GET());
    assertThat(wrongPassword.status()).isEqualTo(401);
    engine.getIdentityService().unlockUser(USER);
  }

  private int overHttp(String path, String password) {
    Http http = new Http(port);
    return http.send(USER, password, http.request(path).GET()).status();
  }

  @Test
  void anotherPasswordIsCheckedAndAWrongOneForgetsTheLogin() {
    var provider = provider(Duration.ofSeconds(30));
    assertThat(login(provider, PASSWORD).isAuthenticated()).isTrue();

    AuthenticationResult wrong = login(provider, "otra-clave-9");
    assertThat(wrong.isAuthenticated()).isFalse();
    // The failure locks the user for a while (login throttling): the right password is refused too,
    // because the kept login was forgotten.
    assertThat(login(provider, PASSWORD).isAuthenticated()).isFalse();
    engine.getIdentityService().unlockUser(USER);
  }

  @Test
  void anAccountChangedByTheProcessIsReadAgainOnTheNextLogin() {
    var cache = new RestAuthenticationCache(Duration.ofSeconds(30), nanos::get);
    var provider = new RestAuthConfiguration.CachingBasicAuthentication(cache);
    var process = new AccountProvisioning(engine.getIdentityService(), new DemoProperties(true, List.of(), "demo"),
        null, cache, events);
    assertThat(login(provider, PASSWORD).getGroups()).containsExactly(Roles.GUARANTOR);

    process.withdraw(USER, Roles.GUARANTOR, true, "oax", true);

    AuthenticationResult after = login(provider, PASSWORD);
    assertThat(after.isAuthenticated()).isTrue();
    assertThat(after.getGroups()).isEmpty();
    assertThat(after.getTenants()).isEmpty();
  }

  @Test
  void aPeriodOfZeroKeepsNothing() {
    var cache = new RestAuthenticationCache(Duration.ZERO, nanos::get);
    var provider = new RestAuthConfiguration.CachingBasicAuthentication(cache);
    assertThat(login(provider, PASSWORD).isAuthenticated()).isTrue();
    assertThat(cache.size()).isZero();
    engine.getIdentityService().createTenantUserMembership("jal", USER);
    assertThat(login(provider, PASSWORD).getTenants()).containsExactlyInAnyOrder("oax", "jal");
  }

  @Test
  void theApplicationKeepsLoginsForThirtySecondsByDefault() {
    assertThat(cache.enabled()).isTrue();
    var provider = new RestAuthConfiguration.CachingBasicAuthentication(cache);
    login(provider, PASSWORD);
    assertThat(cache.find(Http.basic(USER, PASSWORD))).isNotNull();
  }
}
