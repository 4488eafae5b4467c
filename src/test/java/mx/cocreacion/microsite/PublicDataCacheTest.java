package mx.cocreacion.microsite;

import static mx.cocreacion.microsite.OpenDataTest.year;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public read model is cached ({@link PublicDataCache}) and a write to the plan of record shows
 * on the next read once its transaction commits: not before (a read meanwhile must not keep the old
 * data past the commit), and never when it rolls back.
 */
class PublicDataCacheTest extends ProcessTestSupport {

  private static final String HALF_DONE =
      "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]";

  @LocalServerPort int port;
  @Autowired PublicExercises publicExercises;
  @Autowired PublicDataCache cache;
  @Autowired ExerciseRepository plan;
  @Autowired PlatformTransactionManager transactions;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void aProgressReportShowsOnTheNextReadOfTheOpenDataAndTheMicrosite() {
    ProcessInstance exercise = driver.startAtStep("zac", 6);
    int year = year(exercise);
    String commitments = "/api/public/exercises/zac/commitments?year=" + year;
    String page = "/micrositio/zac/" + year;

    // Read twice: the second answer comes from the cache.
    for (int i = 0; i < 2; i++) {
      JsonNode first = json(commitments).get("commitments").get(0);
      assertThat(first.get("progress").asInt()).isZero();
      assertThat(first.get("reports")).isEmpty();
      assertThat(listed(exercise).get("palProgress").asInt()).isZero();
      assertThat(http.get(page).body()).doesNotContain("aria-valuenow=\"50\"");
    }

    driver.reportProgress(exercise, 1, HALF_DONE, null);

    JsonNode first = json(commitments).get("commitments").get(0);
    assertThat(first.get("progress").asInt()).isEqualTo(50);
    assertThat(first.get("reports")).hasSize(1);
    assertThat(listed(exercise).get("palProgress").asInt()).isEqualTo(25);
    assertThat(http.get("/api/public/exercises.csv").body()).contains(exercise.getBusinessKey());
    assertThat(http.get(page).body()).contains("aria-valuenow=\"50\"");
  }

  @Test
  void aWriteShowsOnlyOnceItCommitsAndARolledBackWriteChangesNothing() {
    ProcessInstance exercise = driver.startAtStep("zac", 2);
    int year = year(exercise);
    String path = "/api/public/exercises/zac/commitments?year=" + year;
    Date launch = Date.from(Instant.parse("2031-06-01T17:00:00Z"));
    assertThat(launchPlace(path)).isEmpty();

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(status -> {
      plan.recordLaunch(exercise.getId(), launch, "Plaza de la Constitución");
      // Another request meanwhile reads the committed data (and may cache it) ...
      assertThat(launchPlace(path)).isEmpty();
    });
    // ... which must not hide the write once it has committed.
    assertThat(launchPlace(path)).isEqualTo("Plaza de la Constitución");

    long generation = cache.generation();
    tx.executeWithoutResult(status -> {
      plan.recordLaunch(exercise.getId(), launch, "Jardín Juárez");
      // The transaction reads its own write: that must not be cached for others.
      assertThat(publicExercises.find("zac", year).orElseThrow().exercise().launchPlace()).isEqualTo("Jardín Juárez");
      status.setRollbackOnly();
    });
    assertThat(cache.generation()).as("a rollback drops nothing").isEqualTo(generation);
    assertThat(launchPlace(path)).isEqualTo("Plaza de la Constitución");
    assertThat(publicExercises.find("zac", year).orElseThrow().exercise().launchPlace())
        .isEqualTo("Plaza de la Constitución");
  }

  @Test
  void theOpenDataAnswersNotModifiedToAClientThatHoldsIt() {
    Answer first = http.get("/api/public/exercises");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

    Answer again = http.send(http.request("/api/public/exercises").header("If-None-Match", etag).GET());
    assertThat(again.status()).isEqualTo(304);

    driver.startAtStep("zac", 2);
    Answer changed = http.send(http.request("/api/public/exercises").header("If-None-Match", etag).GET());
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  private String launchPlace(String path) {
    return json(path).get("exercise").path("launchPlace").asText("");
  }

  private JsonNode listed(ProcessInstance exercise) {
    for (JsonNode e : json("/api/public/exercises")) {
      if (e.get("businessKey").asText().equals(exercise.getBusinessKey())) {
        return e;
      }
    }
    throw new AssertionError(exercise.getBusinessKey() + " is not in the open data");
  }

  private JsonNode json(String path) {
    Answer response = http.get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    return response.json();
  }
}
