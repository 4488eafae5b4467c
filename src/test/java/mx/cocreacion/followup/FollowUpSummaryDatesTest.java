package mx.cocreacion.followup;

import static org.assertj.core.api.Assertions.assertThat;

import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The INAI and STL forms show the follow-up dates as people write them, from one formatter. */
class FollowUpSummaryDatesTest extends ProcessTestSupport {

  @Autowired FollowUpSummary summary;

  @Test
  void theSummaryOfTheFormsCarriesTheDatesInMexicanFormat() {
    ProcessInstance exercise = driver.startAtStep("tab", 6);

    String whole = summary.exercise(exercise.getId()).toString();
    assertThat(whole)
        .contains("\"launchDate\":\"2032-02-01\"", "\"launchDateText\":\"1 de febrero de 2032\"")
        .contains("\"palEndText\":\"1 de febrero de 2033\"")
        .contains("\"dueDate\":\"2032-06-30\"", "\"dueDateText\":\"30 de junio de 2032\"");
    assertThat(summary.commitment(exercise.getId(), 1).toString())
        .contains("\"dueDateText\":\"30 de junio de 2032\"", "\"dueDateText\":\"30 de septiembre de 2032\"");
  }
}
