package mx.cocreacion.microsite;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import mx.cocreacion.exercise.ExerciseAgenda;
import mx.cocreacion.declaration.DeclarationProcess;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.LocalActors;
import mx.cocreacion.exercise.RecordRepository;
import mx.cocreacion.outreach.OutreachProcess;
import mx.cocreacion.plan.FacilitatorProposal;
import mx.cocreacion.plan.FacilitatorProposalRepository;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.stl.StlIntegrationProcess;
import mx.cocreacion.validation.Dates;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.worktables.WorkingTablesProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The public part of an exercise's minutes: who signed the Declaration, the STL (name, sector and
 * role; never e-mail), its rules and agenda, and the working tables with the problems they found.
 */
@Service
public class PublicMinutes {

  /** Who signed the declaration for a sector: name, position and institution (when given), day. */
  public record Signatory(String sector, String name, String position, LocalDate signedAt) {}

  public record StlSeat(String name, String sector, String role) {}

  /**
   * A vote a suplente cast in place of an absent titular of their sector: which vote, for whom, by whom, why and
   * the day (the seed: each sector elects a titular and a suplente).
   */
  public record StandInVote(String vote, String sector, String titular, String suplente, String reason,
      LocalDate date) {}

  public record AgendaItem(LocalDate date, String activity) {}

  /** One annual agenda of the STL: year 1 from step 3, then one per year of implementation that began (step 6). */
  public record Agenda(int year, List<AgendaItem> items) {}

  public record Rules(String decisionRule, String text) {}

  /** A session of the STL recorded with its minutes (record-stl-session): day, ordinary or not, place, agreements. */
  public record Session(LocalDate date, boolean ordinary, String place, String agreements) {}

  /**
   * Step 3: the facilitator the STL chose, how the titulars voted (counts only) and how many earlier proposals it
   * did not approve. A person the STL did not approve is not named in public. (No date: the day the last titular
   * completed the vote in the platform is not a day the STL met.)
   */
  public record Facilitator(String name, long votesFor, long votesAgainst, int notApproved) {}

  /**
   * Step 3: the STL's installation meeting as the organismo garante convened it, announced before it happens: day,
   * place, whether the local actors registered in step 2 ({@code actors} of them) are convened, and who else.
   */
  public record Meeting(LocalDate date, String place, boolean registeredActors, int actors, String invitees,
      boolean upcoming) {}

  public record WorkingTable(String topic, LocalDate date, int participants, List<String> problems) {}

  /** Step 2: one outreach session (date, place, how many attended). */
  public record OutreachSession(LocalDate date, String place, int attendees) {}

  /** Step 2: a local actor the organismo garante registered (never their e-mail). */
  public record LocalActor(String name, String organization, String sector) {}

  /** What step 2 put on the record: its sessions and the actors it brought in. */
  public record Outreach(List<OutreachSession> sessions, List<LocalActor> actors) {}

  private final RecordRepository records;
  private final LocalActors localActors;
  private final StlMemberRepository members;
  private final FacilitatorProposalRepository proposals;
  private final ExerciseAgenda agenda;
  private final StandInRepository standIns;

  public PublicMinutes(RecordRepository records, LocalActors localActors, StlMemberRepository members,
      FacilitatorProposalRepository proposals, ExerciseAgenda agenda, StandInRepository standIns) {
    this.agenda = agenda;
    this.standIns = standIns;
    this.records = records;
    this.localActors = localActors;
    this.members = members;
    this.proposals = proposals;
  }

  /** The facilitator the STL approved, once it did. */
  public Optional<Facilitator> facilitator(String exerciseId) {
    List<FacilitatorProposal> all = proposals.all(exerciseId);
    int rejected = (int) all.stream().filter(p -> FacilitatorProposal.REJECTED.equals(p.status())).count();
    return all.stream().filter(FacilitatorProposal::approved).reduce((a, b) -> b)
        .map(p -> new Facilitator(p.name(), p.votesFor(), p.votesAgainst(), rejected));
  }

  public List<Signatory> signatories(String exerciseId) {
    List<Signatory> signatories = new ArrayList<>();
    for (JsonNode s : payloads(exerciseId, DeclarationProcess.RECORD_SIGNATURE)) {
      String position = s.path("signatoryPosition").asText("");
      signatories.add(new Signatory(s.path("sector").asText(), s.path("signatoryName").asText(),
          position.isBlank() ? null : position, day(s.path("signedAt").asText(null))));
    }
    return signatories;
  }

  public List<StlSeat> stl(String exerciseId) {
    return members.active(exerciseId).stream().map(m -> new StlSeat(m.name(), m.sector(), m.role())).toList();
  }

  /** The votes suplentes cast for absent titulars, oldest first (names as elected; never an e-mail). */
  public List<StandInVote> standIns(String exerciseId) {
    Map<String, String> names = new HashMap<>();
    members.all(exerciseId).forEach(m -> names.putIfAbsent(m.userId(), m.name()));
    return standIns.votedIn(exerciseId).stream()
        .map(s -> new StandInVote(s.taskName(), s.sector(), names.getOrDefault(s.seatUserId(), "Persona titular"),
            names.getOrDefault(s.standInUserId(), "Persona suplente"), s.reason(), Dates.localDate(s.votedAt())))
        .toList();
  }

  /** The STL's sessions, in the order of their days (the latest last). */
  public List<Session> sessions(String exerciseId) {
    return payloads(exerciseId, StlIntegrationProcess.RECORD_SESSION).stream()
        .map(s -> new Session(day(s.path("date").asText(null)),
            StlIntegrationProcess.SESSION_ORDINARY.equals(s.path("kind").asText()), s.path("place").asText(),
            s.path("agreements").asText()))
        .sorted(Comparator.comparing(Session::date, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  public Optional<Rules> rules(String exerciseId) {
    return last(exerciseId, StlIntegrationProcess.RECORD_RULES)
        .map(r -> new Rules(r.path("decisionRule").asText(), r.path("rulesText").asText()));
  }

  public List<Agenda> agendas(String exerciseId) {
    return agenda.agendas(exerciseId).stream().map(a -> new Agenda(a.year(),
        a.items().stream().map(i -> new AgendaItem(i.date(), i.text())).toList())).toList();
  }

  /**
   * The STL's meeting once the organismo garante convened it (an exercise of an older version has no place). It is
   * upcoming while its day is ahead and no election came out of it yet: an election on the record means it was held.
   */
  public Optional<Meeting> meeting(Exercise exercise, int registeredActors) {
    if (exercise.meetingDate() == null) {
      return Optional.empty();
    }
    LocalDate day = Dates.localDate(exercise.meetingDate());
    LocalDate today = Dates.localDate(ClockUtil.getCurrentTime().toInstant());
    return Optional.of(new Meeting(day, exercise.meetingPlace(), exercise.meetingInvitesActors(), registeredActors,
        exercise.meetingInvitees(), day.isAfter(today) && members.active(exercise.id()).isEmpty()));
  }

  /** The outreach of step 2 (its last record), without anyone's e-mail. */
  public Outreach outreach(String exerciseId) {
    List<OutreachSession> sessions = new ArrayList<>();
    List<LocalActor> actors = new ArrayList<>();
    last(exerciseId, OutreachProcess.RECORD_OUTREACH).ifPresent(o -> {
      o.path(OutreachProcess.VAR_OUTREACH_SESSIONS).forEach(x -> sessions.add(new OutreachSession(
          day(x.path("date").asText(null)), x.path("place").asText(), x.path("attendees").asInt())));
    });
    localActors.of(exerciseId).forEach(a -> actors.add(new LocalActor(a.name(), a.organization(), a.sector())));
    return new Outreach(sessions, actors);
  }

  /**
   * The working tables the STL planned that have not been held yet, announced with topic and day (the seed: the
   * tables are participatory; people learn of them before they happen). A table counts as held once its minutes
   * with the same topic and day are on the record.
   */
  public List<AgendaItem> upcomingTables(String exerciseId, List<WorkingTable> held) {
    Set<String> done = new HashSet<>();
    held.forEach(t -> done.add(t.topic() + "|" + t.date()));
    List<AgendaItem> upcoming = new ArrayList<>();
    for (ExerciseAgenda.Item planned : agenda.tablesPlan(exerciseId)) {
      if (!done.contains(planned.text() + "|" + planned.date())) {
        upcoming.add(new AgendaItem(planned.date(), planned.text()));
      }
    }
    return upcoming;
  }

  public List<WorkingTable> workingTables(String exerciseId) {
    List<WorkingTable> tables = new ArrayList<>();
    for (JsonNode t : payloads(exerciseId, WorkingTablesProcess.RECORD_WORKING_TABLE)) {
      List<String> problems = new ArrayList<>();
      t.path("problems").forEach(p -> problems.add(p.asText()));
      tables.add(new WorkingTable(t.path("table").path("topic").asText(), day(t.path("table").path("date").asText(null)),
          t.path("participants").size(), problems));
    }
    return tables;
  }

  private List<JsonNode> payloads(String exerciseId, String kind) {
    List<JsonNode> nodes = new ArrayList<>();
    for (String json : records.payloads(exerciseId, kind)) {
      try {
        nodes.add(TaskInput.mapper().readTree(json));
      } catch (Exception e) {
        throw new IllegalStateException("cc_record " + kind + " is not JSON", e);
      }
    }
    return nodes;
  }

  private Optional<JsonNode> last(String exerciseId, String kind) {
    List<JsonNode> nodes = payloads(exerciseId, kind);
    return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.get(nodes.size() - 1));
  }

  private static LocalDate day(String text) {
    return text == null ? null : Dates.parse(text).map(Dates::localDate).orElse(null);
  }
}
