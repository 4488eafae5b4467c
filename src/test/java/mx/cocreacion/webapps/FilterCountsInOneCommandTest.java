package mx.cocreacion.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's «filters with their counts» answered in one engine command: the same filters, in the same order, with
 * the counts Camunda's own count command gives each person (their groups, tenants and the filters' expressions),
 * under the engine REST and the webapps' engine API Tasklist calls; anything else about the request is Camunda's.
 */
class FilterCountsInOneCommandTest extends ProcessTestSupport {

  static final String WITH_COUNTS = "/filter?resourceType=Task&itemCount=true";

  @LocalServerPort int port;
  Http http;
  List<ProcessInstance> exercises;

  @BeforeEach
  void tasksInTwoEntidades() {
    http = new Http(port);
    exercises = List.of(driver.start("oax"), driver.start("jal"));
  }

  @AfterEach
  void signOutAndRemoveTheExercises() {
    engine.getIdentityService().clearAuthentication();
    // Their tasks would stay in the shared engine's Tasklist (the browser tests find theirs on the first page).
    exercises.forEach(exercise -> engine.getRuntimeService().deleteProcessInstance(exercise.getId(), "prueba terminada"));
  }

  @Test
  void everyRoleGetsCamundasCountsForItsOwnFiltersUnderBothRoots() {
    for (String user : List.of("oax-guarantor", "oax-society", "jal-government", "inai-monitor")) {
      Map<String, Long> camunda = camundaCounts(user);
      assertThat(camunda.values()).as("%s has tasks to count", user).anyMatch(count -> count > 0);

      long before = FilterCountsInOneCommand.ANSWERED.sum();
      Answer rest = http.get(user, "/engine-rest" + WITH_COUNTS);
      Answer tasklist = http.webapp(user, "GET", Http.WEBAPP_ENGINE + WITH_COUNTS, null);
      assertThat(FilterCountsInOneCommand.ANSWERED.sum()).as("both answered in one command").isEqualTo(before + 2);

      for (Answer answer : List.of(rest, tasklist)) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(counts(answer)).as(user).containsExactlyEntriesOf(camunda);
      }
      // Everything but the counts is Camunda's list as it is.
      Answer plain = http.get(user, "/engine-rest/filter?resourceType=Task");
      assertThat(withoutCounts(rest)).isEqualTo(withoutCounts(plain)).isEqualTo(withoutCounts(tasklist));
    }
  }

  @Test
  void pagesAreCamundasAndAMalformedNumberGetsCamundasAnswer() {
    List<String> all = iterable(http.get("oax-guarantor", "/engine-rest" + WITH_COUNTS).json()).stream()
        .map(f -> f.path("id").asText()).toList();
    assertThat(all).hasSizeGreaterThan(3);

    Answer page = http.get("oax-guarantor", "/engine-rest" + WITH_COUNTS + "&firstResult=1&maxResults=2");
    assertThat(iterable(page.json()).stream().map(f -> f.path("id").asText())).containsExactlyElementsOf(all.subList(1, 3));
    assertThat(iterable(page.json())).allMatch(f -> f.has("itemCount") && f.path("itemCount").isNumber());

    long before = FilterCountsInOneCommand.ANSWERED.sum();
    Answer malformed = http.get("oax-guarantor", "/engine-rest" + WITH_COUNTS + "&firstResult=x");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(FilterCountsInOneCommand.ANSWERED.sum()).isEqualTo(before);
    // Without credentials nothing is counted.
    assertThat(http.get("/engine-rest" + WITH_COUNTS).status()).isEqualTo(401);
  }

  /** Each visible filter's count by Camunda's FilterService, as the person (Tasklist's authentication). */
  private Map<String, Long> camundaCounts(String user) {
    var identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
    identity.setAuthentication(user, groups, tenants);
    try {
      Map<String, Long> counts = new LinkedHashMap<>();
      engine.getFilterService().createTaskFilterQuery().list()
          .forEach(filter -> counts.put(filter.getId(), engine.getFilterService().count(filter.getId())));
      return counts;
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Long> counts(Answer answer) {
    Map<String, Long> counts = new LinkedHashMap<>();
    answer.json().forEach(filter -> counts.put(filter.path("id").asText(), filter.path("itemCount").asLong(-1)));
    return counts;
  }

  private static List<String> withoutCounts(Answer answer) {
    return iterable(answer.json()).stream().map(f -> f.path("id").asText() + f.path("name") + f.path("owner")
        + f.path("query") + f.path("properties")).toList();
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
