package mx.cocreacion.stl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A suplente votes in place of an absent titular of their sector (the seed: each sector elects a titular and a
 * suplente). The vote stays the titular's seat: it counts once, under the STL's rule, and the public record says who
 * cast it and why.
 */
class StandInTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired FacilitatorProposalRepository proposals;
  @Autowired StandInRepository standIns;
  @Autowired GreenMail smtp;

  Http http;
  ProcessInstance exercise;
  String tag;

  @BeforeEach
  void stlInVote() {
    http = new Http(port);
    exercise = driver.startAtStep("slp", 3);
    tag = driver.tag(exercise);
    driver.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    driver.complete(exercise, "elect-stl", TestVariables.electStl(tag));
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("consensus"));
    driver.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(tag));
  }

  @Test
  void theSuplenteOfTheSectorVotesForTheAbsentTitularAndTheVoteCountsAsTheSeats() throws Exception {
    Task society = vote("society");
    // The suplentes of the titular's sector are offered each vote (and only they): they see it in Tasklist.
    assertThat(engine.getTaskService().getIdentityLinksForTask(society.getId()))
        .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getUserId)
        .containsExactly(member("suplente", "society"));

    Answer taken = http.post(member("suplente", "society"), "/api/tasks/" + society.getId() + "/suplencia",
        Map.of("reason", "Ausencia por comisión del 3 al 10 de marzo"));
    assertThat(taken.status()).as(taken.body()).isEqualTo(200);
    assertThat(taken.json().path("seat").asText()).isEqualTo("Persona titular society");
    // The titular hears of it: who votes in their place, why, and where to take the vote back.
    assertThat(mailsTo(member("titular", "society"))).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("Su suplente votará en su lugar: " + society.getName());
      assertThat((String) mail.getContent()).contains("Persona suplente society", "Sociedad civil",
          "Motivo: Ausencia por comisión del 3 al 10 de marzo", "/suplencia/" + society.getId());
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(society.getId()).singleResult().getAssignee())
        .isEqualTo(member("suplente", "society"));
    // The titular now sees it held by the suplente: only the suplente completes it.
    Answer byTitular = complete(member("titular", "society"), society.getId(), true);
    assertThat(byTitular.status()).as(byTitular.body()).isEqualTo(409);

    for (String sector : new String[] {"guarantor", "government"}) {
      assertThat(complete(member("titular", sector), vote(sector).getId(), true).status()).isEqualTo(204);
    }
    Answer cast = complete(member("suplente", "society"), society.getId(), true);
    assertThat(cast.status()).as(cast.body()).isEqualTo(204);

    // Consensus of the three seats: the society's vote is its titular's seat, cast by the suplente.
    assertThat(driver.step(exercise, StlIntegrationProcess.KEY))
        .hasPassed(StlIntegrationProcess.TASK_PROVISION_FACILITATOR_ACCOUNT);
    FacilitatorProposal chosen = proposals.latest(exercise.getId()).orElseThrow();
    assertThat(chosen.status()).isEqualTo("approved");
    assertThat(chosen.votes()).extracting(FacilitatorProposal.Vote::voter).containsExactlyInAnyOrder(
        member("titular", "guarantor"), member("titular", "society"), member("titular", "government"));
    assertThat(standIns.votedIn(exercise.getId())).singleElement().satisfies(s -> {
      assertThat(s.seatUserId()).isEqualTo(member("titular", "society"));
      assertThat(s.standInUserId()).isEqualTo(member("suplente", "society"));
      assertThat(s.votedAt()).isNotNull();
    });

    // The microsite says who voted for whom and why; no e-mail.
    String page = http.get("/micrositio/slp").body();
    assertThat(page).contains("Votos en suplencia", "Persona suplente society", "votó en lugar de",
        "Persona titular society", "Ausencia por comisión del 3 al 10 de marzo")
        .doesNotContain(member("suplente", "society"));
  }

  @Test
  void onlyTheSuplenteOfTheTitularsSectorMayStandInAndNothingChangesOnARefusal() throws Exception {
    Task society = vote("society");
    String path = "/api/tasks/" + society.getId() + "/suplencia";

    assertRefused(http.post(member("suplente", "government"), path, Map.of()), 403, "otro sector");
    assertRefused(http.post(member("titular", "government"), path, Map.of()), 403, "Solo una persona suplente");
    assertRefused(http.post(member("titular", "society"), path, Map.of()), 403, "Este voto es suyo");
    assertRefused(http.post("jal-guarantor", path, Map.of()), 404, "");
    assertRefused(http.send(http.request("POST", path, "{}")), 401, "autenticación");
    assertRefused(http.post(member("suplente", "society"), path, Map.of("reason", "x".repeat(1001))), 400, "Motivo");
    assertRefused(http.post(member("suplente", "society"), path, Map.of("reason", "a\u0007b")), 400, "Motivo");
    // A task that is not a titular's vote.
    String rules = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(exercise.getBusinessKey())
        .list().stream().filter(t -> !t.getTaskDefinitionKey().equals("vote-facilitator")).findFirst()
        .map(Task::getId).orElse(null);
    if (rules != null) {
      assertRefused(http.post(member("suplente", "society"), "/api/tasks/" + rules + "/suplencia", Map.of()), 409,
          "no es un voto");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(society.getId()).singleResult().getAssignee())
        .isEqualTo(member("titular", "society"));
    assertThat(standIns.ofTask(society.getId())).isEmpty();
    assertThat(mailsTo(member("titular", "society"))).as("a refused stand-in tells nobody").isEmpty();

    assertThat(http.post(member("suplente", "society"), path, Map.of()).status()).isEqualTo(200);
    assertRefused(http.post(member("suplente", "society"), path, Map.of()), 409, "ya vota en suplencia");
    assertThat(mailsTo(member("titular", "society"))).hasSize(1);
  }

  @Test
  void theTitularTakesTheVoteBackAndTheSuplenteCannotGiveItToNobody() throws Exception {
    Task society = vote("society");
    String path = "/api/tasks/" + society.getId() + "/suplencia";
    assertThat(http.post(member("suplente", "society"), path, Map.of()).status()).isEqualTo(200);

    // Unclaiming through engine REST would leave the seat's vote with nobody: refused, with where to give it back.
    assertRefused(http.post(member("suplente", "society"), "/engine-rest/task/" + society.getId() + "/unclaim",
        Map.of()), 409, "/suplencia/");
    assertRefused(http.delete(member("titular", "government"), path), 403, "Solo la persona titular");

    Answer back = http.delete(member("titular", "society"), path);
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(engine.getTaskService().createTaskQuery().taskId(society.getId()).singleResult().getAssignee())
        .isEqualTo(member("titular", "society"));
    assertThat(standIns.ofTask(society.getId())).isEmpty();
    assertRefused(http.delete(member("suplente", "society"), path), 409, "Nadie vota en suplencia");
    // The suplente hears that the titular took the vote back; the titular, who did it, gets no second mail.
    assertThat(mailsTo(member("suplente", "society"))).singleElement().satisfies(mail ->
        assertThat((String) mail.getContent()).contains("Persona titular society", "recuperó su voto"));
    assertThat(mailsTo(member("titular", "society"))).hasSize(1);
  }

  @Test
  void thePageInTasklistsSessionAsksForALogin() {
    Answer page = http.get("/suplencia/" + vote("society").getId());
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.body()).contains("Para votar en suplencia de una persona titular");
  }

  private Task vote(String sector) {
    return driver.tasks(exercise, StlIntegrationProcess.TASK_VOTE_FACILITATOR).stream()
        .filter(t -> member("titular", sector).equals(t.getAssignee())).findFirst().orElseThrow();
  }

  private List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
        found.add(m);
      }
    }
    return found;
  }

  private String member(String role, String sector) {
    return role + "." + sector + "." + tag + "@stl.mx";
  }

  private Answer complete(String user, String taskId, boolean approved) {
    return http.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "facilitatorApproved", Http.var("Boolean", approved))));
  }

  private static void assertRefused(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.body()).contains(message);
  }
}
