package mx.cocreacion.stl;

import static mx.cocreacion.support.Refusals.assertRefused;
import static mx.cocreacion.stl.StlIntegrationProcess.VAR_STL_MEMBERS;
import static mx.cocreacion.support.TestVariables.json;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.server.LocalServerPort;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.LocalExerciseProcess;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Step 3: the STL is convened, elected, and then sets its rules (then chooses its facilitator under them) and its
 * agenda in parallel.
 */
class StlIntegrationProcessTest extends ProcessTestSupport {

  @Autowired IdentityService identity;
  @Autowired StlMemberRepository members;
  @Autowired ExerciseRepository exercises;
  @Autowired FacilitatorProposalRepository proposals;
  @Autowired EvidenceCatalogue evidence;
  @LocalServerPort int port;

  @Test
  void electionProvisionsAccountsAndOpensTheThreeStlTasks() {
    var exercise = driver.startAtStep("oax", 3);
    var stl = driver.step(exercise, StlIntegrationProcess.KEY);
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_CONVENE_STL_MEETING);
    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting());
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_ELECT_STL);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().meetingDate()).isNotNull();

    // The election is offered the local actors registered in step 2 (TestVariables.conductOutreach).
    String electionTask = driver.task(exercise, StlIntegrationProcess.TASK_ELECT_STL).getId();
    Assertions.assertThat(engine.getTaskService().getVariable(electionTask, "registeredActors").toString())
        .contains("\"name\":\"Colectivo Abierto\"", "\"organization\":\"OSC\"", "\"sectorText\":\"Sociedad civil\"",
            "\"email\":\"contacto@osc.mx\"", "\"sectorText\":\"Autoridad\"");
    String tag = driver.tag(exercise);
    driver.complete(exercise, StlIntegrationProcess.TASK_ELECT_STL, TestVariables.electStl(tag));

    assertThat(stl).hasPassed(StlIntegrationProcess.TASK_PROVISION_STL_ACCOUNTS)
        .isWaitingAt(StlIntegrationProcess.TASK_DEFINE_STL_RULES, StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA);
    Assertions.assertThat(members.active(exercise.getId())).hasSize(6);
    String titular = "titular.society." + tag + "@stl.mx";
    String suplente = "suplente.government." + tag + "@stl.mx";
    for (String user : List.of(titular, suplente)) {
      Assertions.assertThat(identity.createUserQuery().userId(user).memberOfGroup("stl").count()).isEqualTo(1);
      Assertions.assertThat(identity.createTenantQuery().userMember(user).singleResult().getId()).isEqualTo("oax");
      Assertions.assertThat(identity.checkPassword(user, "demo")).as("demo mode password").isTrue();
    }
    // Suplentes get the same STL tasks as titulares: candidates are the stl group of the tenant.
    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("stl")
        .processInstanceBusinessKey(exercise.getBusinessKey()).count()).isEqualTo(2);
  }

  @Test
  void theAgendaAndTheRulesThenTheFacilitatorCanBeCompletedInAnyOrder() {
    for (List<String> order : List.of(
        List.of("define-stl-rules", "select-facilitator", "draft-annual-agenda"),
        List.of("draft-annual-agenda", "define-stl-rules", "select-facilitator"),
        List.of("define-stl-rules", "draft-annual-agenda", "select-facilitator"))) {
      var exercise = electedStl("jal");
      var stl = driver.step(exercise, StlIntegrationProcess.KEY);
      for (String task : order) {
        assertThat(stl).isWaitingAt(task);
        if (task.equals("select-facilitator")) {
          driver.chooseFacilitator(exercise);
        } else {
          driver.complete(exercise, task, variablesOf(task, exercise));
        }
      }
      assertThat(stl).hasPassed(StlIntegrationProcess.TASK_VOTE_FACILITATOR,
          StlIntegrationProcess.TASK_PROVISION_FACILITATOR_ACCOUNT).isEnded();
      assertThat(exercise).isWaitingAt("step-4");
      Assertions.assertThat(engine.getRuntimeService().getVariable(exercise.getId(), "decisionRule"))
          .isEqualTo("majority");
      String facilitator = "facilitadora." + driver.tag(exercise) + "@mesas.mx";
      Assertions.assertThat(identity.createUserQuery().userId(facilitator).memberOfGroup("facilitator").count())
          .isEqualTo(1);
    }
  }

  @Test
  void theFacilitatorIsProposedOnlyOnceTheStlHasItsRule() {
    var exercise = electedStl("oax");
    var stl = driver.step(exercise, StlIntegrationProcess.KEY);
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_DEFINE_STL_RULES, StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA)
        .isNotWaitingAt(StlIntegrationProcess.TASK_SELECT_FACILITATOR);
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("consensus"));
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_SELECT_FACILITATOR);
  }

  @Test
  void underMajorityTwoTitularsOutOfThreeChooseTheFacilitator() {
    var exercise = electedStl("jal");
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("majority"));
    driver.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(driver.tag(exercise))
        .putValue("facilitatorReason", "Conoce las mesas de diálogo de la entidad."));
    var stl = driver.step(exercise, StlIntegrationProcess.KEY);
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_VOTE_FACILITATOR);

    // Each titular has a vote of their own and reads the proposal with its reason.
    var votes = driver.tasks(exercise, StlIntegrationProcess.TASK_VOTE_FACILITATOR);
    String tag = driver.tag(exercise);
    Assertions.assertThat(votes).extracting(org.camunda.bpm.engine.task.Task::getAssignee).containsExactlyInAnyOrder(
        "titular.guarantor." + tag + "@stl.mx", "titular.society." + tag + "@stl.mx", "titular.government." + tag + "@stl.mx");
    Assertions.assertThat(engine.getTaskService().getVariable(votes.get(0).getId(), "facilitatorProposal").toString())
        .contains("Laura Facilitadora", "Conoce las mesas de diálogo de la entidad.",
            "mayoría: se aprueba si más de la mitad de las personas titulares votan a favor");

    driver.voteFacilitator(exercise, true, false, true);

    assertThat(stl).hasPassed(StlIntegrationProcess.TASK_TALLY_FACILITATOR_VOTE,
        StlIntegrationProcess.TASK_PROVISION_FACILITATOR_ACCOUNT);
    var chosen = proposals.latest(exercise.getId()).orElseThrow();
    Assertions.assertThat(chosen.status()).isEqualTo("approved");
    Assertions.assertThat(chosen.votesFor()).isEqualTo(2);
    Assertions.assertThat(chosen.votes()).filteredOn(v -> !v.approved()).extracting(v -> v.comments())
        .containsExactly("Preferimos a alguien con experiencia en mesas locales.");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().facilitatorName())
        .isEqualTo("Laura Facilitadora");
    Assertions.assertThat(identity.createUserQuery().userId("facilitadora." + tag + "@mesas.mx")
        .memberOfGroup("facilitator").count()).isEqualTo(1);
  }

  /**
   * An election may seat more titulars for one sector (the seed: at least one per sector): under majority, that sector
   * alone does not decide, however many heads it has; a majority that spans two sectors does.
   */
  @Test
  void underMajorityOneSectorAloneDoesNotChooseTheFacilitator() {
    var exercise = driver.startAtStep("yuc", 3);
    String tag = driver.tag(exercise);
    driver.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    var members = new java.util.ArrayList<>(TestVariables.stlMembers(tag));
    for (int n = 2; n <= 3; n++) {
      members.add(java.util.Map.of("name", "Persona titular " + n + " de sociedad", "email",
          "titular" + n + ".society." + tag + "@stl.mx", "sector", "society", "role", "titular"));
    }
    driver.complete(exercise, "elect-stl", TestVariables.electStl(tag).putValueTyped("stlMembers",
        TestVariables.json(TestVariables.toJson(members))));
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("majority"));
    driver.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(tag));
    Assertions.assertThat(engine.getTaskService().getVariable(
            driver.tasks(exercise, StlIntegrationProcess.TASK_VOTE_FACILITATOR).get(0).getId(), "facilitatorProposal")
        .toString()).contains("de al menos dos sectores");

    // Five titulars, by user id: government, guarantor, then the three of society, who alone are three of five.
    Assertions.assertThat(driver.voteFacilitator(exercise, false, false, true, true, true)).containsExactly(
        "titular.government." + tag + "@stl.mx", "titular.guarantor." + tag + "@stl.mx", "titular.society." + tag + "@stl.mx",
        "titular2.society." + tag + "@stl.mx", "titular3.society." + tag + "@stl.mx");
    var stl = driver.step(exercise, StlIntegrationProcess.KEY);
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_SELECT_FACILITATOR);
    Assertions.assertThat(proposals.latest(exercise.getId()).orElseThrow().status()).isEqualTo("rejected");

    // The same three and the government: four of five, from two sectors.
    driver.complete(exercise, "select-facilitator", org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue("facilitatorName", "Mario Mediador").putValue("facilitatorEmail", "mario." + tag + "@mesas.mx")
        .putValue("facilitatorReason", "Facilitó las mesas del ejercicio anterior."));
    driver.voteFacilitator(exercise, true, false, true, true, true);
    assertThat(stl).hasPassed(StlIntegrationProcess.TASK_PROVISION_FACILITATOR_ACCOUNT);
    Assertions.assertThat(proposals.all(exercise.getId())).extracting(p -> p.status()).containsExactly("rejected", "approved");
  }

  @Test
  void underConsensusOneVoteAgainstSendsTheStlBackToProposeAnotherPerson() {
    var exercise = electedStl("cam");
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("consensus"));
    driver.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(driver.tag(exercise)));
    driver.voteFacilitator(exercise, true, true, false);

    var stl = driver.step(exercise, StlIntegrationProcess.KEY);
    assertThat(stl).isWaitingAt(StlIntegrationProcess.TASK_SELECT_FACILITATOR);
    String tag = driver.tag(exercise);
    Assertions.assertThat(identity.createUserQuery().userId("facilitadora." + tag + "@mesas.mx").count())
        .as("no account for a person the STL did not approve").isZero();
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().facilitatorName()).isNull();
    // The new proposal's form shows the one not approved, with the reason of the vote against.
    String again = driver.task(exercise, StlIntegrationProcess.TASK_SELECT_FACILITATOR).getId();
    Assertions.assertThat(engine.getTaskService().getVariable(again, "facilitatorHistory").toString())
        .contains("Propuesta 1: Laura Facilitadora", "2 a favor, 1 en contra",
            "Preferimos a alguien con experiencia en mesas locales.");
    Assertions.assertThat(engine.getTaskService().getVariable(again, "facilitatorName"))
        .as("the new proposal's form opens empty").isNull();

    engine.getTaskService().complete(again, org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue("facilitatorName", "Mario Mediador").putValue("facilitatorEmail", "mario." + tag + "@mesas.mx")
        .putValue("facilitatorReason", "Facilitó las mesas del ejercicio anterior."));
    driver.voteFacilitator(exercise, true, true, true);

    assertThat(stl).hasPassed(StlIntegrationProcess.TASK_PROVISION_FACILITATOR_ACCOUNT);
    Assertions.assertThat(proposals.all(exercise.getId())).extracting(p -> p.name() + ":" + p.status())
        .containsExactly("Laura Facilitadora:rejected", "Mario Mediador:approved");
    Assertions.assertThat(identity.createUserQuery().userId("mario." + tag + "@mesas.mx").memberOfGroup("facilitator")
        .count()).isEqualTo(1);
    Assertions.assertThat(identity.createUserQuery().userId("facilitadora." + tag + "@mesas.mx").count()).isZero();
  }

  @Test
  void aVoteAgainstSaysWhyAndAVoteIsAYesOrANo() {
    var exercise = electedStl("oax");
    driver.complete(exercise, "define-stl-rules", TestVariables.defineStlRules("majority"));
    driver.complete(exercise, "select-facilitator", TestVariables.selectFacilitator(driver.tag(exercise)));
    String vote = driver.tasks(exercise, StlIntegrationProcess.TASK_VOTE_FACILITATOR).get(0).getId();

    assertRefused(() -> engine.getTaskService().complete(vote, org.camunda.bpm.engine.variable.Variables
        .createVariables().putValue("facilitatorApproved", false).putValue("facilitatorComments", " ")),
        "facilitatorComments", "es obligatorio al votar en contra");
    assertRefused(() -> engine.getTaskService().complete(vote, org.camunda.bpm.engine.variable.Variables
        .createVariables().putValue("facilitatorApproved", "quizá")), "facilitatorApproved", "");
    Assertions.assertThat(proposals.latest(exercise.getId()).orElseThrow().votes()).as("nothing recorded").isEmpty();
  }

  /**
   * The seed: the organismo garante convenes the local actors to a meeting (where, whom), and the election it
   * records comes from that meeting's minutes, published as evidence.
   */
  @Test
  void theMeetingHasAPlaceAndInviteesAndTheElectionNeedsItsMinutes() {
    var exercise = driver.startAtStep("gro", 3);
    String convene = driver.task(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING).getId();
    Assertions.assertThat(engine.getTaskService().getVariable(convene, "registeredActors").toString())
        .as("the form shows whom step 2 registered").contains("\"name\":\"Colectivo Abierto\"");
    assertRefused(() -> engine.getTaskService().complete(convene, TestVariables.conveneStlMeeting()
        .putValue("meetingPlace", " ")), "meetingPlace", "obligatorio");
    assertRefused(() -> engine.getTaskService().complete(convene, TestVariables.conveneStlMeeting()
        .putValue("inviteRegisteredActors", false).putValue("meetingInvitees", "")), "meetingInvitees",
        "si no se convoca a los actores locales registrados");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().meetingPlace()).isNull();

    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting());
    Exercise convened = exercises.findById(exercise.getId()).orElseThrow();
    Assertions.assertThat(convened.meetingPlace()).isEqualTo("Sala de plenos del órgano garante");
    Assertions.assertThat(convened.meetingInvitees()).isEqualTo("Universidad estatal; Colegio de Contadores");
    Assertions.assertThat(convened.meetingInvitesActors()).isTrue();

    Task election = driver.task(exercise, StlIntegrationProcess.TASK_ELECT_STL);
    VariableMap noMinutes = Variables.createVariables()
        .putValueTyped(VAR_STL_MEMBERS, json(TestVariables.toJson(TestVariables.stlMembers(driver.tag(exercise)))));
    assertRefused(() -> engine.getTaskService().complete(election.getId(), noMinutes), "meetingMinutes",
        "anexe el acta de la reunión");
    assertRefused(() -> engine.getTaskService().complete(election.getId(), Variables.createVariables()
        .putValueTyped(VAR_STL_MEMBERS, json(TestVariables.toJson(TestVariables.stlMembers(driver.tag(exercise)))))
        .putValueTyped("meetingMinutes", Variables.fileValue("acta.exe").file("MZ\u0090".getBytes()).create())),
        "meetingMinutes", "no es PDF");
    Assertions.assertThat(members.active(exercise.getId())).as("nothing elected without minutes").isEmpty();

    // In Tasklist the minutes are attached in the task's «Evidencia» tab; that is enough.
    engine.getTaskService().createAttachment("application/pdf", election.getId(), election.getProcessInstanceId(),
        "acta-instalacion.pdf", "Acta firmada", new ByteArrayInputStream(Http.pdf(4096)));
    engine.getTaskService().complete(election.getId(), noMinutes);
    Assertions.assertThat(members.active(exercise.getId())).hasSize(6);
    Assertions.assertThat(evidence.list("gro", exercise.getId()))
        .anySatisfy(item -> {
          Assertions.assertThat(item.name()).isEqualTo("acta-instalacion.pdf");
          Assertions.assertThat(item.step()).isEqualTo(3);
        });
  }

  /** The rules are the STL's: agreed in a session whose minutes are required and published. */
  /**
   * From its installation until the exercise ends the STL has a standing task to record each of its sessions with its
   * minutes (the seed: the microsite holds «toda la evidencia documental de las actividades realizadas por el STL»);
   * the day is a real one, the minutes are required, and recording one session opens the task for the next.
   */
  @Test
  void theStlRecordsEachSessionWithItsMinutesInATaskThatIsAlwaysOpen() {
    var exercise = driver.startAtStep("tla", 4);
    Task session = driver.task(exercise, LocalExerciseProcess.TASK_RECORD_STL_SESSION);
    Assertions.assertThat(session.getProcessInstanceId()).as("in local-exercise, beside the steps").isEqualTo(exercise.getId());
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(session.getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("stl");
    Assertions.assertThat(session.getDueDate().toInstant()).as("P90D")
        .isCloseTo(session.getCreateTime().toInstant().plus(java.time.Duration.ofDays(90)), Assertions.within(1, ChronoUnit.MINUTES));
    try {
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-06-01T17:00:00Z")));
      assertRefused(() -> engine.getTaskService().complete(session.getId(), sessionOn("2031-06-02")), "sessionDate",
          "no puede ser posterior a hoy (1 de junio de 2031)");
      assertRefused(() -> engine.getTaskService().complete(session.getId(), sessionOn("2031-01-15")), "sessionDate",
          "no puede ser anterior a la reunión de instalación del STL (1 de febrero de 2031)");
      VariableMap withoutMinutes = sessionOn("2031-05-15");
      withoutMinutes.remove(StlIntegrationProcess.VAR_SESSION_MINUTES);
      assertRefused(() -> engine.getTaskService().complete(session.getId(), withoutMinutes), "sessionMinutes",
          "anexe el acta de la sesión");
      assertRefused(() -> engine.getTaskService().complete(session.getId(),
          sessionOn("2031-05-15").putValue(StlIntegrationProcess.VAR_SESSION_KIND, "mensual")), "sessionKind", "ordinary");

      engine.getTaskService().complete(session.getId(), sessionOn("2031-05-15"));
      Task next = driver.task(exercise, LocalExerciseProcess.TASK_RECORD_STL_SESSION);
      Assertions.assertThat(next.getId()).as("the next session's task").isNotEqualTo(session.getId());
      Assertions.assertThat(evidence.list("tla", exercise.getId())).anySatisfy(item -> {
        Assertions.assertThat(item.step()).as("the step the exercise is in").isEqualTo(4);
        Assertions.assertThat(item.source()).isEqualTo("Acta de la sesión ordinaria del STL del 15 de mayo de 2031");
      });
      String page = new Http(port).get("/micrositio/tla/" + exercises.findById(exercise.getId()).orElseThrow().year()).body();
      Assertions.assertThat(page).contains("Sesiones del STL", "Sesión ordinaria", "Sede del organismo garante",
          "Acuerdos: Se aprobó el calendario de mesas.");
    } finally {
      ClockUtil.reset();
    }
  }

  private static VariableMap sessionOn(String day) {
    return Variables.createVariables().putValue(StlIntegrationProcess.VAR_SESSION_DATE, day)
        .putValue(StlIntegrationProcess.VAR_SESSION_KIND, "ordinary")
        .putValue(StlIntegrationProcess.VAR_SESSION_PLACE, "Sede del organismo garante")
        .putValue(StlIntegrationProcess.VAR_AGREEMENTS, "Se aprobó el calendario de mesas.")
        .putValueTyped(StlIntegrationProcess.VAR_SESSION_MINUTES, TestVariables.sessionMinutes("acta-sesion-ordinaria.pdf"));
  }

  @Test
  void theAgendaNeedsTheMinutesOfTheSessionThatApprovedIt() {
    var exercise = driver.startAtStep("mor", 3);
    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting());
    driver.complete(exercise, StlIntegrationProcess.TASK_ELECT_STL, TestVariables.electStl(driver.tag(exercise)));
    Task agenda = driver.task(exercise, StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA);
    VariableMap withoutMinutes = TestVariables.draftAnnualAgenda();
    withoutMinutes.remove("agendaMinutes");
    assertRefused(() -> engine.getTaskService().complete(agenda.getId(), withoutMinutes), "agendaMinutes",
        "anexe el acta de la sesión en la que el STL aprobó su agenda anual");
    Assertions.assertThat(driver.task(exercise, StlIntegrationProcess.TASK_DRAFT_ANNUAL_AGENDA)).as("still open").isNotNull();

    // Sent as a file with the completion: published as evidence of step 3.
    engine.getTaskService().complete(agenda.getId(), TestVariables.draftAnnualAgenda());
    Assertions.assertThat(evidence.list("mor", exercise.getId())).anySatisfy(item -> {
      Assertions.assertThat(item.name()).isEqualTo("acta-agenda-stl.pdf");
      Assertions.assertThat(item.source()).contains("Acta de la sesión del STL que aprobó su agenda anual");
    });
  }

  @Test
  void theRulesNeedTheMinutesOfTheSessionThatAgreedThem() {
    var exercise = driver.startAtStep("mor", 3);
    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting());
    driver.complete(exercise, StlIntegrationProcess.TASK_ELECT_STL, TestVariables.electStl(driver.tag(exercise)));
    Task rules = driver.task(exercise, StlIntegrationProcess.TASK_DEFINE_STL_RULES);
    VariableMap withoutMinutes = TestVariables.defineStlRules("majority");
    withoutMinutes.remove("rulesMinutes");
    assertRefused(() -> engine.getTaskService().complete(rules.getId(), withoutMinutes), "rulesMinutes",
        "anexe el acta de la sesión en la que el STL acordó sus reglas");
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().decisionRule()).as("nothing recorded").isNull();

    engine.getTaskService().createAttachment("application/pdf", rules.getId(), rules.getProcessInstanceId(),
        "acta-primera-sesion.pdf", "Acta de la primera sesión", new ByteArrayInputStream(Http.pdf(4096)));
    engine.getTaskService().complete(rules.getId(), withoutMinutes);
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().decisionRule()).isEqualTo("majority");
    Assertions.assertThat(evidence.list("mor", exercise.getId())).anySatisfy(item -> {
      Assertions.assertThat(item.name()).isEqualTo("acta-primera-sesion.pdf");
      Assertions.assertThat(item.step()).isEqualTo(3);
    });
  }

  @Test
  void minutesSentAsAFileArePublishedAsEvidence() {
    var exercise = driver.startAtStep("hid", 3);
    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting()
        .putValue("inviteRegisteredActors", false));
    Assertions.assertThat(exercises.findById(exercise.getId()).orElseThrow().meetingInvitesActors()).isFalse();
    driver.complete(exercise, StlIntegrationProcess.TASK_ELECT_STL, TestVariables.electStl(driver.tag(exercise)));
    Assertions.assertThat(evidence.list("hid", exercise.getId())).anySatisfy(item -> {
      Assertions.assertThat(item.name()).isEqualTo("acta-reunion-stl.pdf");
      Assertions.assertThat(item.source()).contains("Acta de la reunión de elección del STL");
    });
  }

  @Test
  void electionNeedsATitularAndASuplentePerSectorWithUniqueValidEmails() {
    var exercise = driver.startAtStep("cam", 3);
    driver.complete(exercise, StlIntegrationProcess.TASK_CONVENE_STL_MEETING, TestVariables.conveneStlMeeting());
    String taskId = driver.task(exercise, StlIntegrationProcess.TASK_ELECT_STL).getId();
    String tag = driver.tag(exercise);

    List<Map<String, String>> noGovernmentSuplente = new ArrayList<>(TestVariables.stlMembers(tag));
    noGovernmentSuplente.remove(5);
    assertRefused(() -> engine.getTaskService().complete(taskId, stlMembers(noGovernmentSuplente)),
        "stlMembers", "falta al menos un suplente del sector Autoridad");

    List<Map<String, String>> duplicated = new ArrayList<>(TestVariables.stlMembers(tag));
    duplicated.set(1, Map.of("name", "Otra", "email", duplicated.get(0).get("email").toUpperCase(),
        "sector", "guarantor", "role", "suplente"));
    assertRefused(() -> engine.getTaskService().complete(taskId, stlMembers(duplicated)),
        "stlMembers[2].email", "ya está registrado en la fila 1");

    List<Map<String, String>> badRole = new ArrayList<>(TestVariables.stlMembers(tag));
    badRole.set(0, Map.of("name", "Ana", "email", "correo-invalido", "sector", "guarantor", "role", "presidente"));
    assertRefused(() -> engine.getTaskService().complete(taskId, stlMembers(badRole)),
        "stlMembers[1].role", "valores permitidos: titular, suplente");
    assertRefused(() -> engine.getTaskService().complete(taskId, stlMembers(badRole)),
        "stlMembers[1].email", "no es un correo electrónico válido");

    // Nothing was provisioned by the refused attempts.
    Assertions.assertThat(identity.createUserQuery().userId("titular.society." + tag + "@stl.mx").count()).isZero();
    Assertions.assertThat(members.active(exercise.getId())).isEmpty();
    assertThat(driver.step(exercise, StlIntegrationProcess.KEY)).isWaitingAt(StlIntegrationProcess.TASK_ELECT_STL);
  }

  @Test
  void rulesFacilitatorAgendaAndMeetingDateAreChecked() {
    var exercise = electedStl("oax");
    String rules = driver.task(exercise, "define-stl-rules").getId();
    String agenda = driver.task(exercise, "draft-annual-agenda").getId();

    assertRefused(() -> engine.getTaskService().complete(rules, TestVariables.defineStlRules("unanimidad")),
        "decisionRule", "valores permitidos: consensus, majority");
    assertRefused(() -> engine.getTaskService().complete(rules,
        TestVariables.defineStlRules("consensus").putValue("rulesText", "")), "rulesText", "obligatorio");
    engine.getTaskService().complete(rules, TestVariables.defineStlRules("consensus"));
    String facilitator = driver.task(exercise, "select-facilitator").getId();
    assertRefused(() -> engine.getTaskService().complete(facilitator,
        TestVariables.selectFacilitator("x").putValue("facilitatorEmail", "laura(at)mesas")),
        "facilitatorEmail", "no es un correo electrónico válido");
    assertRefused(() -> engine.getTaskService().complete(agenda,
        TestVariables.draftAnnualAgenda().putValueTyped("agenda", json("[]"))), "agenda", "al menos 1");
    assertRefused(() -> engine.getTaskService().complete(agenda,
        TestVariables.draftAnnualAgenda().putValueTyped("agenda", json("[{\"date\":\"2031-03-01\"}]"))),
        "agenda[1].activity", "obligatorio");

    var other = driver.startAtStep("oax", 3);
    assertRefused(() -> driver.complete(other, "convene-stl-meeting",
        TestVariables.conveneStlMeeting().putValue("meetingDate", "31/02/2031")), "meetingDate", "no es una fecha válida");
  }

  @Test
  void aReelectionReplacesAMemberKeepingHistoryAndHandsOverTheirOpenTasks() {
    var exercise = driver.startAtStep("jal", 4);
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Datos abiertos"));
    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    driver.complete(exercise, "consolidate-commitments", TestVariables.consolidateCommitments());
    String tag = driver.tag(exercise);
    String leaving = "titular.society." + tag + "@stl.mx";
    String arriving = "nueva.titular.society." + tag + "@stl.mx";
    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskAssignee(leaving).count())
        .as("the leaving titular's vote is pending").isEqualTo(1);

    // The documented action: the platform's administration sends the message for the exercise.
    engine.getRuntimeService().createMessageCorrelation(StlIntegrationProcess.MESSAGE_STL_REELECTION)
        .processInstanceBusinessKey(exercise.getBusinessKey()).tenantId("jal").correlateWithResult();

    assertThat(exercise).isWaitingAt(StlIntegrationProcess.TASK_ELECT_STL);
    var reelection = driver.task(exercise, StlIntegrationProcess.TASK_ELECT_STL);
    Assertions.assertThat(reelection.getProcessInstanceId()).isEqualTo(exercise.getId());
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(reelection.getId()))
        .as("the guarantor corrects the list").extracting(IdentityLink::getGroupId).containsExactly("guarantor");
    Assertions.assertThat(engine.getTaskService().getVariable(reelection.getId(), VAR_STL_MEMBERS).toString())
        .as("the form opens with the current STL").contains(leaving).contains("suplente.government." + tag);

    List<Map<String, String>> roster = TestVariables.stlMembers(tag);
    roster.stream().filter(m -> m.get("email").equals(leaving)).forEach(m -> {
      m.put("email", arriving);
      m.put("name", "Nueva Titular Sociedad");
    });
    // The society's suplente changes too: the titulars' open votes are offered to the new one only.
    String leavingSuplente = "suplente.society." + tag + "@stl.mx";
    String arrivingSuplente = "nuevo.suplente.society." + tag + "@stl.mx";
    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskCandidateUser(leavingSuplente)
        .includeAssignedTasks().taskDefinitionKey("approve-commitments").count()).as("the leaving suplente was offered the vote").isEqualTo(1);
    roster.stream().filter(m -> m.get("email").equals(leavingSuplente)).forEach(m -> {
      m.put("email", arrivingSuplente);
      m.put("name", "Nuevo Suplente Sociedad");
    });
    engine.getTaskService().complete(reelection.getId(), stlMembers(roster));

    assertThat(exercise).hasPassed("provision-stl-accounts").isWaitingAt("step-4");
    Assertions.assertThat(members.active(exercise.getId())).extracting(StlMember::userId)
        .hasSize(6).contains(arriving).doesNotContain(leaving);
    Assertions.assertThat(identity.createUserQuery().userId(arriving).memberOfGroup("stl").count()).isEqualTo(1);
    Assertions.assertThat(identity.createTenantQuery().userMember(arriving).singleResult().getId()).isEqualTo("jal");
    Assertions.assertThat(identity.createUserQuery().userId(leaving).memberOfGroup("stl").count())
        .as("the leaving member is out of the stl group").isZero();
    Assertions.assertThat(identity.createTenantQuery().userMember(leaving).count())
        .as("and out of the entidad").isZero();
    Assertions.assertThat(identity.createUserQuery().userId(leaving).count()).as("the account stays").isEqualTo(1);
    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskAssignee(leaving).count()).isZero();
    Assertions.assertThat(engine.getTaskService().createTaskQuery().taskAssignee(arriving)
        .taskDefinitionKey("approve-commitments").count()).as("the vote passes to the successor").isEqualTo(1);
    var societyVote = engine.getTaskService().createTaskQuery().taskAssignee(arriving)
        .taskDefinitionKey("approve-commitments").singleResult();
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(societyVote.getId()))
        .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getUserId)
        .as("the stand-in offer passes to the new suplente").containsExactly(arrivingSuplente);
    Assertions.assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(exercise.getId()).taskDefinitionKey(StlIntegrationProcess.TASK_ELECT_STL).finished().count())
        .as("the re-election is in the exercise's history").isEqualTo(1);

    // The approval goes on with the new STL, and the former titular cannot vote any more.
    driver.completeAll(exercise, "approve-commitments", TestVariables.approve(true, "De acuerdo"));
    assertThat(exercise).isWaitingAt("step-5");
  }

  @Test
  void aReelectionIsValidatedLikeTheElection() {
    var exercise = electedStl("cam");
    engine.getRuntimeService().createMessageCorrelation(StlIntegrationProcess.MESSAGE_STL_REELECTION)
        .processInstanceBusinessKey(exercise.getBusinessKey()).tenantId("cam").correlateWithResult();
    var reelection = driver.task(exercise, StlIntegrationProcess.TASK_ELECT_STL);
    List<Map<String, String>> roster = TestVariables.stlMembers(driver.tag(exercise));
    roster.removeIf(m -> m.get("sector").equals("government") && m.get("role").equals("titular"));

    assertRefused(() -> engine.getTaskService().complete(reelection.getId(), stlMembers(roster)),
        "stlMembers", "falta al menos un titular del sector");
    Assertions.assertThat(members.active(exercise.getId())).as("nothing changed").hasSize(6);
  }

  private ProcessInstance electedStl(String tenant) {
    var exercise = driver.startAtStep(tenant, 3);
    driver.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());
    driver.complete(exercise, "elect-stl", TestVariables.electStl(driver.tag(exercise)));
    return exercise;
  }

  private VariableMap variablesOf(String task, ProcessInstance exercise) {
    return switch (task) {
      case "define-stl-rules" -> TestVariables.defineStlRules("majority");
      case "select-facilitator" -> TestVariables.selectFacilitator(driver.tag(exercise));
      default -> TestVariables.draftAnnualAgenda();
    };
  }

  private static VariableMap stlMembers(List<Map<String, String>> members) {
    return org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValueTyped("stlMembers", json(TestVariables.toJson(members)))
        .putValueTyped("meetingMinutes", TestVariables.meetingMinutes());
  }
}
