package mx.cocreacion.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mx.cocreacion.security.PlatformSetup;
import mx.cocreacion.support.Http;
import mx.cocreacion.webapps.PrecompressedAssets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a person's browser downloads to open Tasklist (issue 15), read from Chromium's Resource Timing
 * (bytes over the network, compressed, headers included; 0 for what came from its cache): the first visit
 * with an empty cache, up to the task list after logging in, at most 1.5 MB; a repeat visit at most 100 KB.
 * The figures go to {@code target/first-load.txt}.
 */
class FirstLoadBrowserTest extends BrowserTestSupport {

  static final long FIRST_VISIT_LIMIT = 1_500_000;
  static final long REPEAT_VISIT_LIMIT = 100_000;

  @Test
  void tasklistLoadsCompressedOnceAndFromTheCacheAfterwards() throws Exception {
    if (PrecompressedAssets.available()) {
      // The largest scripts are compressed in Brotli in the background after start-up: wait for them.
      var http = new Http(port);
      browser.until("lib/deps.js in Brotli", d -> {
        try {
          return "br".equals(http.send(http.request("/camunda/lib/deps.js?bust=7.24.0")
              .header("Accept-Encoding", "br").GET()).header("Content-Encoding")) ? true : null;
        } catch (Exception e) {
          return null;
        }
      });
    }
    browser.get("/camunda/app/tasklist/");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), "oax-guarantor");
    browser.type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), "demo");
    browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    browser.textContaining(By.cssSelector(".task-filters .task-filter"), PlatformSetup.FILTER_GROUP_TASKS);
    Transfer first = transfer();

    browser.get("/camunda/app/tasklist/");
    browser.textContaining(By.cssSelector(".task-filters .task-filter"), PlatformSetup.FILTER_GROUP_TASKS);
    Transfer repeat = transfer();

    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/first-load.txt"), "Tasklist, Chromium, " + first + " (first visit); "
        + repeat + " (repeat visit)\n" + "largest of the first visit: " + first.largest() + "\n"
        + "largest of the repeat visit: " + repeat.largest() + "\n");
    assertThat(first.bytes()).as("first visit " + first + ", largest " + first.largest())
        .isLessThanOrEqualTo(FIRST_VISIT_LIMIT);
    assertThat(repeat.bytes()).as("repeat visit " + repeat + ", largest " + repeat.largest())
        .isLessThanOrEqualTo(REPEAT_VISIT_LIMIT);
  }

  record Transfer(long bytes, long resources, List<String> largest) {
    @Override
    public String toString() {
      return String.format("%,d bytes in %d resources", bytes, resources);
    }
  }

  /** The document's and its resources' transfer sizes so far. */
  @SuppressWarnings("unchecked")
  private Transfer transfer() {
    Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
        const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
        const sized = entries.map(e => [e.name.replace(location.origin, ''), e.transferSize || 0]);
        sized.sort((a, b) => b[1] - a[1]);
        return { bytes: sized.reduce((sum, e) => sum + e[1], 0), resources: entries.length,
                 largest: sized.slice(0, 5).map(e => e[0] + ' ' + e[1]) };""");
    return new Transfer(((Number) result.get("bytes")).longValue(), ((Number) result.get("resources")).longValue(),
        (List<String>) result.get("largest"));
  }
}
