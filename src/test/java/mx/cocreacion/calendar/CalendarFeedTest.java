package mx.cocreacion.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.support.CocreacionTest;
import mx.cocreacion.support.ExerciseDriver;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.validation.Dates;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar feeds over HTTP, each parsed with ical4j: a person's feed holds their own open tasks of their
 * entidad (assigned or as a candidate) and not another person's or entidad's, with UIDs that survive a new due
 * date; the public feed of an entidad holds its current exercise's milestones, whose UIDs survive a moved date.
 */
@CocreacionTest
class CalendarFeedTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired CalendarTokens tokens;
  @Autowired ExerciseRepository exercises;

  /** A user of {@code tenant} in {@code group}, password "demo". */
  static String person(ProcessEngine engine, String id, String group, String tenant) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("Persona");
      user.setLastName("de prueba");
      user.setEmail(id + "@prueba.example.org");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, group);
      identity.createTenantUserMembership(tenant, id);
    }
    return id;
  }

  static String uid(Task task) {
    return "tarea-" + task.getId() + "@cocreacion.mx";
  }

  @Test
  void aPersonsFeedHoldsTheirOwnTasksOfTheirEntidadAndKeepsUidsWhenADueDateMoves() {
    String society = person(engine, "agu-sociedad-cal", "society", "agu");
    person(engine, "bcs-sociedad-cal", "society", "bcs");
    var driver = new ExerciseDriver(engine);
    ProcessInstance agu = driver.start("agu");
    ProcessInstance bcs = driver.start("bcs");
    Task aguSociety = task(driver, agu, "society");
    Task aguGuarantor = task(driver, agu, "guarantor");
    Task aguGovernment = task(driver, agu, "government");
    Task bcsSociety = task(driver, bcs, "society");
    // A guarantor's task the society member holds: theirs by assignment.
    engine.getTaskService().setAssignee(aguGuarantor.getId(), society);
    Http http = new Http(port);
    String token = tokens.renew(society);

    Answer feed = http.get("/calendario/" + token + ".ics");
    Map<String, VEvent> events = Feeds.events(feed);
    assertThat(events).containsKeys(uid(aguSociety), uid(aguGuarantor))
        .doesNotContainKeys(uid(aguGovernment), uid(bcsSociety));
    VEvent sign = events.get(uid(aguSociety));
    assertThat(Feeds.day(sign)).isEqualTo(basic(Dates.localDate(aguSociety.getDueDate().toInstant())));
    assertThat(Feeds.value(sign, "SUMMARY")).isEqualTo("Vence: Firmar declaración conjunta: Sociedad civil");
    assertThat(Feeds.value(sign, "DESCRIPTION")).contains("Aguascalientes", "Ábrala en Tasklist: ",
        "/camunda/app/tasklist/default/#/?task=" + aguSociety.getId());
    assertThat(Feeds.value(sign, "URL")).endsWith("/camunda/app/tasklist/default/#/?task=" + aguSociety.getId());
    assertThat(Feeds.value(sign, "LAST-MODIFIED")).isNotNull();
    assertThat(Feeds.value(events.get(uid(aguGuarantor)), "DESCRIPTION")).contains("La tiene usted.");

    // A new due date: the same UID, the new day.
    Task moved = engine.getTaskService().createTaskQuery().taskId(aguSociety.getId()).singleResult();
    moved.setDueDate(Date.from(Instant.parse("2099-03-04T18:00:00Z")));
    engine.getTaskService().saveTask(moved);
    Map<String, VEvent> after = Feeds.events(http.get("/calendario/" + token + ".ics"));
    assertThat(Feeds.day(after.get(uid(aguSociety)))).isEqualTo("20990304");

    // Once someone else takes it, it leaves the candidate's feed; a completed task leaves it too.
    engine.getTaskService().setAssignee(aguSociety.getId(), "agu-otra-persona");
    engine.getTaskService().complete(aguGuarantor.getId(), mx.cocreacion.support.TestVariables.signDeclaration("Firmante"));
    assertThat(Feeds.events(http.get("/calendario/" + token + ".ics")))
        .doesNotContainKeys(uid(aguSociety), uid(aguGuarantor));
  }

  @Test
  void theEntidadsPublicFeedHasItsMilestonesWithUidsThatSurviveAMovedDate() {
    var driver = new ExerciseDriver(engine);
    ProcessInstance col = driver.startAtStep("col", 6);
    String key = col.getBusinessKey();
    Http http = new Http(port);

    Answer answer = http.get("/micrositio/col/calendario.ics");
    Map<String, VEvent> events = Feeds.events(answer);
    assertThat(events).containsKeys("stl." + key + "@cocreacion.mx", "agenda-1." + key + "@cocreacion.mx",
        "mesa-1." + key + "@cocreacion.mx", "mesa-2." + key + "@cocreacion.mx", "lanzamiento." + key + "@cocreacion.mx",
        "monitoreo." + key + "@cocreacion.mx", "inicio-pal." + key + "@cocreacion.mx", "fin-pal." + key + "@cocreacion.mx");
    assertThat(events.keySet()).allMatch(uid -> uid.endsWith("." + key + "@cocreacion.mx"))
        .noneMatch(uid -> uid.startsWith("tarea-"));
    VEvent launch = events.get("lanzamiento." + key + "@cocreacion.mx");
    assertThat(Feeds.day(launch)).isEqualTo("20320201");
    assertThat(Feeds.value(launch, "SUMMARY")).isEqualTo("Lanzamiento público del PAL · Colima " + year(key));
    assertThat(Feeds.value(launch, "DESCRIPTION")).contains("Plaza principal", "/micrositio/col");
    assertThat(Feeds.day(events.get("monitoreo." + key + "@cocreacion.mx"))).isEqualTo("20320801");
    assertThat(Feeds.value(events.get("mesa-1." + key + "@cocreacion.mx"), "SUMMARY"))
        .startsWith("Mesa de trabajo: Transparencia presupuestaria");
    assertThat(answer.header("ETag")).as("cached like the microsite").isNotNull();
    assertThat(answer.header("Cache-Control")).isEqualTo("no-cache");

    // The launch moves: the same UIDs, the new days (the cache drops on the write).
    exercises.recordLaunch(col.getId(), Date.from(LocalDate.of(2032, 3, 10).atStartOfDay(Dates.MEXICO).toInstant()),
        "Teatro, centro; sala 2");
    Map<String, VEvent> moved = Feeds.events(http.get("/micrositio/col/calendario.ics"));
    assertThat(moved.keySet()).isEqualTo(events.keySet());
    assertThat(Feeds.day(moved.get("lanzamiento." + key + "@cocreacion.mx"))).isEqualTo("20320310");
    assertThat(Feeds.day(moved.get("monitoreo." + key + "@cocreacion.mx"))).isEqualTo("20320910");
    assertThat(Feeds.value(moved.get("lanzamiento." + key + "@cocreacion.mx"), "DESCRIPTION"))
        .contains("Teatro, centro; sala 2");
  }

  @Test
  void anEntidadWithoutExerciseOrUnknownHasNoFeed() {
    Http http = new Http(port);
    assertThat(http.get("/micrositio/zz/calendario.ics").status()).isEqualTo(404);
    assertThat(http.get("/micrositio/mic/calendario.ics").status()).isEqualTo(404);
  }

  /** The exercise's open «Firmar declaración conjunta» of one sector (its candidate group). */
  private Task task(ExerciseDriver driver, ProcessInstance exercise, String sector) {
    return driver.tasks(exercise, "sign-declaration").stream()
        .filter(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(link -> sector.equals(link.getGroupId())))
        .findFirst().orElseThrow(() -> new AssertionError("no sign-declaration task of " + sector));
  }

  private static String basic(LocalDate day) {
    return day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
  }

  private static String year(String businessKey) {
    return businessKey.substring(businessKey.indexOf('-') + 1);
  }
}
