package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import mx.cocreacion.security.DemoUsers;
import mx.cocreacion.support.Http;
import mx.cocreacion.webapps.OperatorProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cockpit and Admin in a real browser: the pages are in Spanish (our {@code es.json}, the default
 * language of {@code config.js}) and the banner at the top of every page names who runs the
 * platform instead of Camunda's "migrate to Camunda 8" notice; a browser set to English gets
 * Spanish too (config.js lists only "es").
 *
 * <p>Elements are found by Camunda's stable classes: {@code .ce-eol-banner} (the banner),
 * {@code form[name='signinForm']} (the login form of every webapp) and {@code h1.section-title}
 * (Cockpit's dashboard), plus the texts of our es.json.
 */
class WebappsBrowserTest extends BrowserTestSupport {

  private static final String COCKPIT = "/camunda/app/cockpit/default/";
  private static final String ADMIN_USERS = "/camunda/app/admin/default/#/users";
  private static final String ADMIN = "admin";
  private static final String PASSWORD = "demo";
  private static final By BANNER = By.cssSelector(".ce-eol-banner");
  private static final String CAMUNDA_END_OF_LIFE_TEXT = "Camunda 8";
  /** #3d4a57 of our user-styles.css (Camunda's is #b5152b). */
  private static final String NOTICE_BACKGROUND = "rgba(61, 74, 87, 1)";

  private static final List<String> WEBAPP_FILES = List.of("/camunda/app/cockpit/default/",
      "/camunda/app/admin/default/", "/camunda/lib/globalize.js", "/camunda/lib/ngDefine.js",
      "/camunda/lib/runtime.js", "/camunda/lib/deps.js", "/camunda/app/cockpit/camunda-cockpit-bootstrap.js",
      "/camunda/app/admin/camunda-admin-bootstrap.js", "/camunda/app/cockpit/locales/es.json",
      "/camunda/app/admin/locales/es.json");
  private static boolean webappsWarm;

  @Autowired OperatorProperties operator;

  /**
   * Requests the webapps' pages and scripts once, one after the other, before the first browser
   * opens them. On the shared build machine (load 15-20 on 2 cores) the first webapp page of a
   * fresh test JVM stayed on Camunda's loading spinner for more than the browser's 60 s in 3 of 5
   * runs, in the first test that opened a webapp, while each file alone is served in about a second;
   * the runs with these requests first passed.
   */
  @BeforeEach
  void requestTheWebappScriptsOnce() {
    if (webappsWarm) {
      return;
    }
    Http http = new Http(port);
    for (String path : WEBAPP_FILES) {
      Http.Answer response = http.send(http.request(path).timeout(Duration.ofMinutes(2)));
      assertThat(response.status()).as("GET %s", path).isEqualTo(200);
    }
    webappsWarm = true;
  }

  @Test
  void inaiMonitorSeesCockpitInSpanishWithTheOperatorNotice() {
    browser.get(COCKPIT);
    // The login page already has the notice and Spanish texts.
    assertThat(browser.textContaining(BANNER, "Plataforma operada por")).isEqualTo(notice());
    browser.textContaining(By.cssSelector("form[name='signinForm'] button[type='submit']"), "Iniciar sesión");

    login(DemoUsers.INAI_MONITOR);

    browser.textContaining(By.cssSelector("h1.section-title"), "En este momento");
    browser.textContaining(By.tagName("body"), "Procesos");
    assertThat(browser.textContaining(BANNER, "Plataforma operada por")).isEqualTo(notice());
    // Help is one click away, in a new tab: the microsite's contacts (INAI's accompaniment, the garantes').
    var help = browser.driver().findElement(BANNER).findElement(By.linkText("Ayuda y contacto"));
    assertThat(help.getDomAttribute("href")).isEqualTo("/micrositio#titulo-contacto");
    assertThat(help.getDomAttribute("target")).isEqualTo("_blank");
    assertThat(browser.driver().findElement(BANNER).getCssValue("background-color"))
        .as("styles/user-styles.css: a neutral bar, not Camunda's red warning").isEqualTo(NOTICE_BACKGROUND);
    assertThat(browser.driver().findElement(By.tagName("body")).getText())
        .doesNotContain(CAMUNDA_END_OF_LIFE_TEXT, "It is time to migrate");
    browser.screenshot("cockpit-dashboard-es.png");
  }

  @Test
  void administratorSeesAdminInSpanishWithTheOperatorNotice() {
    browser.get(ADMIN_USERS);
    login(ADMIN);

    browser.textContaining(By.tagName("body"), "Lista de usuarios");
    browser.textContaining(By.tagName("body"), "Entidades (tenants)");
    assertThat(browser.textContaining(BANNER, "Plataforma operada por")).isEqualTo(notice());
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain(CAMUNDA_END_OF_LIFE_TEXT);
    browser.screenshot("admin-users-es.png");
  }

  @Test
  void aBrowserInEnglishGetsSpanishToo() {
    browser.close();
    browser = Browser.open("http://localhost:" + port, "en-US");
    browser.get(COCKPIT);
    Object preferred = ((JavascriptExecutor) browser.driver())
        .executeScript("return (navigator.languages && navigator.languages[0]) || navigator.language;");
    assertThat(String.valueOf(preferred)).as("the browser's preferred language").startsWith("en");

    browser.textContaining(By.cssSelector("form[name='signinForm'] button[type='submit']"), "Iniciar sesión");
    assertThat(browser.textContaining(BANNER, "Plataforma operada por")).isEqualTo(notice());
  }

  private String notice() {
    return "Plataforma operada por " + operator.operatorName() + " para los ejercicios de Cocreación desde lo local. "
        + "Ayuda y contacto";
  }

  private void login(String user) {
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), PASSWORD);
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.gone(By.cssSelector("form[name='signinForm']"));
  }
}
