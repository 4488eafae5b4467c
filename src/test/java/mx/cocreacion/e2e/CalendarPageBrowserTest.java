package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * «Mi calendario» as a person uses it: from Tasklist's top bar to {@code /cuenta/calendario} (on a phone, 390 px)
 * in the same session, «Crear mi enlace» shows the feed's URL once, the URL opens a calendar, and renewing it
 * leaves the old URL dead.
 */
class CalendarPageBrowserTest extends BrowserTestSupport {

  @Test
  void aPersonCreatesAndRenewsTheirCalendarLinkFromTasklistOnAPhone() {
    exercises.start("jal");
    loginToTasklist("jal-society");
    // In Tasklist's top bar (on a phone it is in the ≡ menu, like «Iniciar proceso»).
    browser.click(By.cssSelector("a.cc-mi-calendario"));
    browser.viewport(390, 844);
    browser.textContaining(By.tagName("h1"), "Mi calendario");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/cuenta/calendario");
    assertThat(browser.visible(By.tagName("main")).getText()).contains("jal-society");

    browser.click(By.xpath("//button[normalize-space(.)='Crear mi enlace' or normalize-space(.)='Renovar mi enlace']"));
    String first = browser.visible(By.id("enlace")).getDomProperty("value");
    assertThat(first).matches("http://localhost:\\d+/calendario/[A-Za-z0-9_-]{43}\\.ics");
    assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("no se volverá a mostrar");
    assertThat((Long) browser.script("return document.documentElement.scrollWidth")).as("no sideways scrolling")
        .isLessThanOrEqualTo(390L);
    browser.screenshot("calendario-enlace-movil.png");

    Http http = new Http(port);
    String path = first.replaceFirst("^http://localhost:\\d+", "");
    assertThat(http.get(path).body()).startsWith("BEGIN:VCALENDAR").contains("Vence: Firmar declaración conjunta");

    browser.click(By.xpath("//button[normalize-space(.)='Renovar mi enlace']"));
    // The page shows the new link in a new field: wait for it (the old field may still be there, or just gone).
    String second = browser.until("a renewed link", d -> {
      String value = d.findElement(By.id("enlace")).getDomProperty("value");
      return value != null && !value.equals(first) ? value : null;
    });
    assertThat(second).matches("http://localhost:\\d+/calendario/[A-Za-z0-9_-]{43}\\.ics");
    assertThat(http.get(path).status()).isEqualTo(404);
    assertThat(http.get(second.replaceFirst("^http://localhost:\\d+", "")).status()).isEqualTo(200);
  }
}
