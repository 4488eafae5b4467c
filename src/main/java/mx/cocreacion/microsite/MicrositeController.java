package mx.cocreacion.microsite;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.security.SecurityHeadersFilter;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The public microsite (no login, read-only): the national overview and one page per exercise of
 * an entidad. Reads only the public read model ({@link PublicExercises}, {@link PublicMinutes}, the
 * evidence index), never the engine's history. Path variables exclude dots so that the static
 * files under {@code /micrositio/} (CSS, JS) are not taken for an entidad.
 */
@Controller
class MicrositeController {

  static final String VIEW_OVERVIEW = "micrositio/nacional";
  static final String VIEW_EXERCISE = "micrositio/entidad";
  static final String VIEW_NOT_FOUND = "micrositio/no-encontrado";
  static final String VIEW_EMBED = "micrositio/insertar";
  static final String VIEW_OPEN_DATA = "micrositio/datos-abiertos";

  private final PublicExercises exercises;
  private final PublicMinutes minutes;
  private final EvidenceCatalogue evidence;
  private final ExerciseRepository plan;
  private final SupportContacts support;
  private final MicrositeProperties properties;
  private final DataCatalogue catalogue;
  private final OpenDataTerms terms;

  MicrositeController(PublicExercises exercises, PublicMinutes minutes, EvidenceCatalogue evidence,
      ExerciseRepository plan, SupportContacts support, MicrositeProperties properties, DataCatalogue catalogue,
      OpenDataTerms terms) {
    this.properties = properties;
    this.catalogue = catalogue;
    this.terms = terms;
    this.exercises = exercises;
    this.minutes = minutes;
    this.evidence = evidence;
    this.plan = plan;
    this.support = support;
  }

  /** A bar of the national chart: entidad and PAL progress (percent). */
  record ChartBar(String entity, int progress) {}

  /** One step of the timeline: its dated milestones and whether it is done, current or pending. */
  record TimelineStep(int number, String name, String state, List<Milestone> milestones) {}

  record Milestone(String label, LocalDate date) {}

  /** What the page of an exercise shows (rendered once per change of the plan of record: {@link PublicResponseCacheFilter}). */
  record ExercisePage(PublicExercise exercise, List<TimelineStep> timeline, List<PublicMinutes.Signatory> signatories,
      PublicMinutes.Outreach outreach, PublicMinutes.Meeting meeting, List<PublicMinutes.StlSeat> stl, PublicMinutes.Rules rules,
      PublicMinutes.Facilitator facilitator, List<PublicMinutes.StandInVote> standIns,
      List<PublicMinutes.Agenda> agendas, List<PublicMinutes.Session> sessions, List<PublicMinutes.WorkingTable> tables,
      List<PublicMinutes.AgendaItem> upcomingTables, List<CommitmentView> commitments,
      List<EvaluationRound> evaluations, List<EvidenceItem> evidence, List<Integer> years) {}

  /** The licence of the data, stated in the footer of every page. */
  @ModelAttribute("licencia")
  OpenDataTerms.Licence licence() {
    return terms.licence();
  }

  /** What can be downloaded, under which licence, and the catalogue for national portals. */
  @GetMapping(DataCatalogue.PAGE)
  String openData(Model model) {
    DataCatalogue.Catalogue c = catalogue.catalogue();
    model.addAttribute("catalogue", c);
    model.addAttribute("nationalDatasets", c.datasets().stream().filter(d -> d.tenant() == null).toList());
    model.addAttribute("entityDatasets", List.copyOf(c.datasets().stream().filter(d -> d.tenant() != null)
        .collect(java.util.stream.Collectors.groupingBy(DataCatalogue.Dataset::tenant, java.util.LinkedHashMap::new,
            java.util.stream.Collectors.toList())).values()));
    model.addAttribute("licence", terms.licence());
    model.addAttribute("dictionaries", List.of(
        Map.of("id", "diccionario-ejercicios", "title", "Ejercicios de todas las entidades (ejercicios.csv) y de una "
            + "entidad (ejercicios-….csv)", "schema", DataDictionary.exercises()),
        Map.of("id", "diccionario-compromisos", "title", "Compromisos y actividades de una entidad (compromisos-….csv)",
            "schema", DataDictionary.commitments()),
        Map.of("id", "diccionario-compromisos-nacional", "title", "Compromisos y actividades de todas las entidades "
            + "(compromisos-nacional.csv)", "schema", DataDictionary.nationalCommitments()),
        Map.of("id", "diccionario-actividades", "title", "Actividades de todas las entidades "
            + "(actividades-nacional.csv) y de una entidad (actividades-….csv)", "schema", DataDictionary.activities()),
        Map.of("id", "diccionario-informes-nacional", "title", "Informes de avance de todas las entidades "
            + "(informes-nacional.csv) y de una entidad (informes-….csv)", "schema", DataDictionary.nationalReports()),
        Map.of("id", "diccionario-evaluaciones", "title", "Monitoreo y evaluaciones del INAI de todas las entidades "
            + "(evaluaciones-nacional.csv) y de una entidad (evaluaciones-….csv)", "schema", DataDictionary.assessments()),
        Map.of("id", "diccionario-evidencia-nacional", "title", "Evidencia documental de todas las entidades "
            + "(evidencia-nacional.csv) y de una entidad (evidencia-….csv)", "schema", DataDictionary.nationalEvidence())));
    model.addAttribute("t", MicrositeLabels.INSTANCE);
    return VIEW_OPEN_DATA;
  }

  @GetMapping("/micrositio")
  String overview(Model model) {
    List<PublicExercise> current = exercises.currentPerEntity().stream()
        .sorted(Comparator.comparing(PublicExercise::entityName)).toList();
    model.addAttribute("exercises", current);
    model.addAttribute("chart", current.stream().map(e -> new ChartBar(e.entityName(), e.palProgress())).toList());
    model.addAttribute("inai", support.inai());
    model.addAttribute("t", MicrositeLabels.INSTANCE);
    return VIEW_OVERVIEW;
  }

  @GetMapping("/micrositio/{tenant:[^.]+}")
  String currentExercise(@PathVariable String tenant, Model model) {
    return exercise(tenant, null, model);
  }

  /**
   * The embeddable view of the entidad's current exercise (its step, PAL progress and commitments), for the
   * organismo garante's portal: only the origins of {@code cocreacion.microsite.embed-origins.<tenant>} may frame it.
   */
  @GetMapping("/micrositio/{tenant:[a-z]+}/insertar")
  String embed(@PathVariable String tenant, Model model, HttpServletResponse response) {
    if (!EntityCatalogue.exists(tenant)) {
      throw new NotFound();
    }
    PublicExercises.Found found = exercises.find(tenant, null).orElseThrow(NotFound::new);
    response.setHeader("Content-Security-Policy", SecurityHeadersFilter.micrositeCsp(properties.embedOriginsOf(tenant)));
    model.addAttribute("exercise", found.exercise());
    model.addAttribute("commitments", exercises.commitments(found.exerciseId()));
    model.addAttribute("t", MicrositeLabels.INSTANCE);
    return VIEW_EMBED;
  }

  @GetMapping("/micrositio/{tenant:[^.]+}/{year:[^.]+}")
  String exerciseOfYear(@PathVariable String tenant, @PathVariable String year, Model model) {
    if (!year.matches("\\d{4}")) {
      throw new NotFound();
    }
    return exercise(tenant, Integer.valueOf(year), model);
  }

  private String exercise(String tenant, Integer year, Model model) {
    if (!EntityCatalogue.exists(tenant)) {
      throw new NotFound();
    }
    ExercisePage page = page(tenant, year).orElseThrow(NotFound::new);
    model.addAttribute("exercise", page.exercise());
    model.addAttribute("timeline", page.timeline());
    model.addAttribute("signatories", page.signatories());
    model.addAttribute("outreach", page.outreach());
    model.addAttribute("meeting", page.meeting());
    model.addAttribute("stl", page.stl());
    model.addAttribute("rules", page.rules());
    model.addAttribute("facilitator", page.facilitator());
    model.addAttribute("standIns", page.standIns());
    model.addAttribute("agendas", page.agendas());
    model.addAttribute("sessions", page.sessions());
    model.addAttribute("tables", page.tables());
    model.addAttribute("upcomingTables", page.upcomingTables());
    model.addAttribute("commitments", page.commitments());
    model.addAttribute("evaluations", page.evaluations());
    model.addAttribute("evidence", page.evidence());
    model.addAttribute("years", page.years());
    model.addAttribute("t", MicrositeLabels.INSTANCE);
    model.addAttribute("descripcion", description(page.exercise()));
    model.addAttribute("garante", support.entity(tenant).orElse(null));
    // Today in Mexico City: which activities are overdue (the cached page lives at most cache-ttl).
    model.addAttribute("hoy", Dates.localDate(ClockUtil.getCurrentTime().toInstant()));
    model.addAttribute("inai", support.inai());
    return VIEW_EXERCISE;
  }

  /** The page's meta description (what a search engine or a shared link shows). */
  static String description(PublicExercise exercise) {
    String step = exercise.finished() ? "concluido"
        : "paso " + exercise.currentStep() + " (" + MicrositeLabels.INSTANCE.step(exercise.currentStep()) + ")";
    return exercise.entityName() + " " + exercise.year() + ": cocreación del Plan de Acción Local, " + step + ", "
        + exercise.commitments() + (exercise.commitments() == 1 ? " compromiso" : " compromisos") + ", avance del "
        + exercise.palProgress() + " %; firmantes, Secretariado Técnico Local y evidencia pública.";
  }


  private Optional<ExercisePage> page(String tenant, Integer year) {
    return exercises.find(tenant, year).map(found -> {
      String id = found.exerciseId();
      PublicExercise exercise = found.exercise();
      List<PublicMinutes.Signatory> signatories = minutes.signatories(id);
      List<PublicMinutes.WorkingTable> tables = minutes.workingTables(id);
      PublicMinutes.Outreach outreach = minutes.outreach(id);
      PublicMinutes.Meeting meeting = plan.findById(id).flatMap(e -> minutes.meeting(e, outreach.actors().size()))
          .orElse(null);
      LocalDate stlMeeting = meeting == null || meeting.upcoming() ? null : meeting.date();
      return new ExercisePage(exercise, timeline(exercise, signatories, stlMeeting, tables), signatories,
          outreach, meeting, minutes.stl(id), minutes.rules(id).orElse(null), minutes.facilitator(id).orElse(null), minutes.standIns(id), minutes.agendas(id), minutes.sessions(id), tables,
          minutes.upcomingTables(id, tables), exercises.commitments(id), exercises.evaluations(id), evidence.list(tenant, id),
          exercises.years(tenant).stream().filter(y -> y != exercise.year()).toList());
    });
  }

  static List<TimelineStep> timeline(PublicExercise e, List<PublicMinutes.Signatory> signatories, LocalDate stlMeeting,
      List<PublicMinutes.WorkingTable> tables) {
    Map<Integer, List<Milestone>> dates = new LinkedHashMap<>();
    for (int step = 1; step <= 6; step++) {
      dates.put(step, new ArrayList<>());
    }
    LocalDate started = e.startedAt() == null ? null : Dates.localDate(e.startedAt());
    LocalDate declared = signatories.stream().map(PublicMinutes.Signatory::signedAt)
        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    // The timeline reads in true order: an exercise registered after its declaration was signed (on paper,
    // before the platform) starts at the declaration.
    add(dates.get(1), "Inicio", declared != null && started != null && started.isAfter(declared) ? null : started);
    add(dates.get(1), "Declaración conjunta", declared);
    add(dates.get(3), "Instalación del STL", stlMeeting);
    add(dates.get(4), "Primera mesa", tables.stream().map(PublicMinutes.WorkingTable::date)
        .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
    add(dates.get(5), "Lanzamiento público", e.launchDate());
    add(dates.get(6), "Inicio del PAL", e.palStart());
    add(dates.get(6), "Fin del PAL", e.palEnd());
    List<TimelineStep> steps = new ArrayList<>();
    dates.forEach((step, milestones) -> {
      String state = e.finished() || step < e.currentStep() ? "hecho" : step == e.currentStep() ? "actual" : "pendiente";
      steps.add(new TimelineStep(step, MicrositeLabels.STEPS.get(step - 1), state, milestones));
    });
    return steps;
  }

  private static void add(List<Milestone> milestones, String label, LocalDate date) {
    if (date != null) {
      milestones.add(new Milestone(label, date));
    }
  }

  /** An entidad without exercises, an unknown entidad or year. */
  static class NotFound extends RuntimeException {
    NotFound() {
      super(null, null, false, false);
    }
  }

  @ExceptionHandler(NotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    return VIEW_NOT_FOUND;
  }
}
