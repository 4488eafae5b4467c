package mx.cocreacion.e2e;

import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on its random port, a headless Debian Chromium per test
 * (required under CI=true, skipped with the reason otherwise), an exercise driver, and on failure
 * a screenshot and the page source in {@code target/screenshots/FAILED-<test>.*}.
 */
@CocreacionTest
abstract class BrowserTestSupport {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  ExerciseDriver exercises;
  Browser browser;

  @RegisterExtension
  final TestExecutionExceptionHandler failureEvidence = (context, thrown) -> {
    if (browser != null) {
      browser.saveEvidence("FAILED-" + context.getRequiredTestMethod().getName());
    }
    throw thrown;
  };

  @BeforeAll
  static void chromiumIsInstalled() {
    Browser.requireChromium();
  }

  @BeforeEach
  void openBrowser() {
    exercises = new ExerciseDriver(engine);
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }
}
