package mx.cocreacion.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium} driven by {@code /usr/bin/chromedriver}),
 * with explicit waits and screenshots under {@code target/screenshots/}. Nothing is downloaded:
 * the driver executable is given explicitly, so Selenium Manager never runs.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final Path profile;
  private final String baseUrl;

  private Browser(WebDriver driver, Path profile, String baseUrl) {
    this.driver = driver;
    this.profile = profile;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, TIMEOUT);
    this.wait.pollingEvery(Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class);
  }

  /**
   * Without Debian's chromium and chromedriver the browser tests cannot run: on CI ({@code CI=true})
   * that is a failure, elsewhere the tests are skipped with the reason.
   */
  static void requireChromium() {
    List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
        .filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
    if (missing.isEmpty()) {
      return;
    }
    String reason = "Browser tests need Debian's headless Chromium; missing " + String.join(", ", missing)
        + ". Install with: apt-get install -y chromium chromium-driver (the project's .ci/run does it).";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(reason);
    }
    Assumptions.abort(reason);
  }

  static Browser open(String baseUrl) {
    return open(baseUrl, "es-MX");
  }

  /** A browser whose preferred language ({@code navigator.languages}) is {@code language}, e.g. "en-US". */
  static Browser open(String baseUrl, String language) {
    requireChromium();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("cocreacion-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-default-browser-check", "--window-size=1400,1000", "--lang=" + language,
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    try {
      return new Browser(new ChromeDriver(service, options), profile, baseUrl);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** The page's clock in {@code zone} (e.g. "Asia/Tokyo"), as if the computer were there (Chromium DevTools). */
  void inTimeZone(String zone) {
    ((HasCdp) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  /** The result of {@code script} run in the page. */
  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Opens {@code path} (absolute on the application, e.g. {@code /camunda/app/tasklist/}). */
  void get(String path) {
    driver.get(baseUrl + path);
  }

  <T> T until(String what, Function<? super WebDriver, T> condition) {
    return until(what, TIMEOUT, condition);
  }

  /** Like {@link #until(String, Function)} with a timeout of its own, for what must happen promptly. */
  <T> T until(String what, Duration timeout, Function<? super WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .withMessage(what)
        .until(condition);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void gone(By by) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** Clicks the first visible, enabled match, retrying while Angular or form-js re-render it. */
  void click(By by) {
    until("clickable: " + by, d -> {
      for (WebElement e : d.findElements(by)) {
        try {
          if (e.isDisplayed() && e.isEnabled()) {
            scrollIntoView(e);
            e.click();
            return true;
          }
        } catch (StaleElementReferenceException | ElementNotInteractableException retry) {
          return null;
        }
      }
      return null;
    });
  }

  /**
   * Clicks the first visible match once it stands still: a Bootstrap modal slides in, and a click computed while
   * it moves can land beside the link, on the backdrop, which closes the modal (seen in CI with the start form).
   */
  void clickSteady(By by) {
    org.openqa.selenium.Rectangle[] last = {null};
    until("standing still: " + by, d -> {
      for (WebElement e : displayed(d, by)) {
        org.openqa.selenium.Rectangle now = e.getRect();
        boolean still = now.equals(last[0]);
        last[0] = now;
        return still ? true : null;
      }
      last[0] = null;
      return null;
    });
    click(by);
  }

  /**
   * Fills several inputs of one form and waits until all of them hold their texts together: form-js commits a
   * typed value after a short debounce, and a field typed just before another one can lose its value when the
   * form re-renders under load (seen in CI with the start form). A field that lost its text is typed again.
   */
  void fill(java.util.Map<By, String> texts) {
    texts.forEach(this::type);
    // Leave the last input, as a person does before clicking a button, and let form-js take what was typed.
    By last = null;
    for (By by : texts.keySet()) {
      last = by;
    }
    if (last != null) {
      driver.findElement(last).sendKeys(org.openqa.selenium.Keys.TAB);
    }
    settleForm();
    until("the form keeps " + texts.values(), d -> {
      boolean all = true;
      for (var entry : texts.entrySet()) {
        if (!entry.getValue().equals(d.findElement(entry.getKey()).getDomProperty("value"))) {
          type(entry.getKey(), entry.getValue());
          all = false;
        }
      }
      return all ? true : null;
    });
  }

  /**
   * Waits out form-js's debounce (300 ms): what was typed reaches the form's state, not only the screen, before the
   * next click re-renders the form (a button, a list's «Agregar»). Without it a value typed last was seldom lost.
   */
  void settleForm() {
    long end = System.nanoTime() + 450_000_000L;
    until("form-js took what was typed", d -> System.nanoTime() >= end ? true : null);
  }

  /** Replaces the value of an input and waits until the input really holds it. */
  void type(By by, String text) {
    until("typed '" + text + "' into " + by, d -> {
      WebElement input = d.findElement(by);
      if (!input.isDisplayed() || !input.isEnabled()) {
        return null;
      }
      try {
        scrollIntoView(input);
        input.click();
        if (!input.getDomProperty("value").isEmpty()) {
          input.clear();
        }
        input.sendKeys(text);
      } catch (ElementNotInteractableException retry) {
        return null;
      }
      return text.equals(d.findElement(by).getDomProperty("value")) ? true : null;
    });
  }

  /** Waits until the text of some visible match of {@code by} contains {@code part}; returns that text. */
  String textContaining(By by, String part) {
    return until("text containing '" + part + "' in " + by, d -> {
      for (WebElement e : d.findElements(by)) {
        String text = e.getText();
        if (e.isDisplayed() && text.contains(part)) {
          return text;
        }
      }
      return null;
    });
  }

  /** Makes the page area (not the window) {@code width}×{@code height}: a phone is 390 px wide. */
  void viewport(int width, int height) {
    var window = driver.manage().window();
    window.setSize(new org.openqa.selenium.Dimension(width, height));
    long innerWidth = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;");
    long innerHeight = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;");
    window.setSize(new org.openqa.selenium.Dimension(width + (width - (int) innerWidth), height + (height - (int) innerHeight)));
  }

  void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  static List<WebElement> displayed(SearchContext context, By by) {
    return context.findElements(by).stream().filter(WebElement::isDisplayed).toList();
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A picture of one element only (scrolled into view first). */
  Path screenshot(WebElement element, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      scrollIntoView(element);
      Path target = SCREENSHOTS.resolve(name);
      Files.move(element.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A screenshot and the page source, for a test that failed. Never throws. */
  void saveEvidence(String name) {
    try {
      screenshot(name + ".png");
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (RuntimeException | IOException ignored) {
      // evidence is best effort; the test failure itself is what matters
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } catch (WebDriverException ignored) {
      // already gone
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
