package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import mx.cocreacion.declaration.RecordDeclarationDelegate;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A log line written by a delegate carries the entidad and the exercise, and the console pattern shows them. */
class LoggingContextTest extends ProcessTestSupport {

  @Autowired Environment environment;

  private final Logger delegateLog = (Logger) LoggerFactory.getLogger(RecordDeclarationDelegate.class);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing(); // keep the MDC of the moment the line was written
      super.append(event);
    }
  };
  private Level levelBefore;

  @BeforeEach
  void capture() {
    levelBefore = delegateLog.getLevel();
    delegateLog.setLevel(Level.INFO);
    captured.start();
    delegateLog.addAppender(captured);
  }

  @AfterEach
  void release() {
    delegateLog.detachAppender(captured);
    delegateLog.setLevel(levelBefore);
  }

  @Test
  void aDelegatesLogLineCarriesTheTenantAndTheBusinessKey() {
    ProcessInstance exercise = driver.start("cam");
    driver.signDeclaration(exercise);

    List<ILoggingEvent> lines = captured.list.stream()
        .filter(e -> e.getFormattedMessage().contains(exercise.getBusinessKey())).toList();
    assertThat(lines).hasSize(1);
    ILoggingEvent line = lines.get(0);
    assertThat(line.getMDCPropertyMap())
        .containsEntry(LoggingContextPlugin.MDC_TENANT, "cam")
        .containsEntry(LoggingContextPlugin.MDC_BUSINESS_KEY, exercise.getBusinessKey())
        .containsEntry(LoggingContextPlugin.MDC_PROCESS_DEFINITION_KEY, "declaration")
        .containsKey(LoggingContextPlugin.MDC_PROCESS_INSTANCE);

    PatternLayout layout = new PatternLayout();
    layout.setContext(delegateLog.getLoggerContext());
    layout.setPattern(environment.getProperty("logging.pattern.correlation") + "%m");
    layout.start();
    assertThat(layout.doLayout(line)).startsWith("[cam|" + exercise.getBusinessKey() + "] Declaración conjunta firmada");
    // A line written outside any process carries no empty brackets.
    var outside = new ch.qos.logback.classic.spi.LoggingEvent(getClass().getName(), delegateLog, Level.INFO,
        "Fuera de un proceso", null, null);
    assertThat(layout.doLayout(outside)).isEqualTo("Fuera de un proceso");
    layout.stop();
  }
}
