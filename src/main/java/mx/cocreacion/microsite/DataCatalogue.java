package mx.cocreacion.microsite;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mx.cocreacion.validation.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The datasets the product publishes, as a data catalogue describes them (DCAT): the national list of exercises,
 * and for each entidad with an exercise the commitments of its current one (with activities, progress reports
 * and INAI's assessments), each in JSON and CSV under {@link OpenDataTerms the licence}. What the catalogue, the
 * {@code data.json} and the <em>Datos abiertos</em> page say is read from here, so they agree. A dataset is
 * modified when the plan of record last recorded something of its exercises.
 */
@Component
public class DataCatalogue {

  public static final String PAGE = "/micrositio/datos-abiertos";

  /** One file of a dataset: its title, format (CSV, JSON), media type and where it is downloaded. */
  public record Distribution(String title, String format, String mediaType, String downloadUrl) {}

  /**
   * A dataset: {@code id} is a stable IRI (its section of the Datos abiertos page), {@code tenant} null for the
   * national one; {@code spatial} the entidad's name or «México».
   */
  public record Dataset(String id, String slug, String tenant, String title, String description, List<String> keywords,
      String landingPage, String spatial, LocalDate temporalStart, LocalDate temporalEnd, Instant modified,
      SupportContacts.Contact contact, List<Distribution> distributions) {}

  public record Catalogue(String id, String title, String description, String homepage, Instant modified,
      List<Dataset> datasets) {}

  private final PublicExercises exercises;
  private final PublicDataCache cache;
  private final JdbcClient jdbc;
  private final SupportContacts contacts;
  private final String publicUrl;

  DataCatalogue(PublicExercises exercises, PublicDataCache cache, JdbcClient jdbc, SupportContacts contacts,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl) {
    this.exercises = exercises;
    this.cache = cache;
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  public String publicUrl() {
    return publicUrl;
  }

  public Catalogue catalogue() {
    return cache.get("catalogue", this::read);
  }

  private Catalogue read() {
    Map<String, Instant> modified = lastRecorded();
    List<PublicExercise> all = exercises.all();
    List<Dataset> datasets = new ArrayList<>();
    Instant nationalModified = modified.values().stream().max(Instant::compareTo).orElse(null);
    datasets.add(exercisesOf(all, modified, null, publicUrl + "/micrositio", "México", inai(), "entidades federativas")
        .dataset("ejercicios", "Ejercicios locales de cocreación (nacional)",
            "Todos los ejercicios de Cocreación desde lo local de las 32 entidades federativas: entidad, año, organismo "
                + "garante, paso actual del método (1 a 6), fechas del Plan de Acción Local (PAL) y de su lanzamiento, "
                + "número de compromisos, avance promedio del PAL, compromisos destacados y tareas vencidas.",
            List.of("plan de acción local", "transparencia"),
            new Distribution("Ejercicios (JSON)", "JSON", "application/json", publicUrl + "/api/public/exercises"),
            new Distribution("Ejercicios (CSV)", "CSV", "text/csv", publicUrl + "/api/public/exercises.csv")));
    // One dataset per entidad: the exercise its commitments URL serves (two exercises started at the same instant
    // are both "current" by start; the URL serves one of them, and so does the catalogue).
    List<PublicExercise> current = exercises.currentPerEntity().stream().map(PublicExercise::tenant).distinct()
        .map(t -> exercises.find(t, null)).flatMap(Optional::stream).map(PublicExercises.Found::exercise).toList();
    LocalDate currentFirst = current.stream().map(e -> e.palStart() != null ? e.palStart() : Dates.localDate(e.startedAt()))
        .min(LocalDate::compareTo).orElse(null);
    LocalDate currentLast = current.stream().map(PublicExercise::palEnd).filter(d -> d != null).max(LocalDate::compareTo)
        .orElse(null);
    Instant currentModified = current.stream().map(e -> modified.getOrDefault(e.businessKey(), e.startedAt()))
        .max(Instant::compareTo).orElse(null);
    // The national files of the current exercises share their coverage, last change and contact.
    Coverage national = new Coverage(publicUrl + PAGE, null, publicUrl + "/micrositio", "México", currentFirst,
        currentLast, currentModified, inai(), "entidades federativas");
    String api = publicUrl + "/api/public/";
    datasets.add(national.dataset("compromisos-nacional", "Compromisos y actividades de todas las entidades",
        "Los compromisos del ejercicio actual de cada entidad federativa en un solo archivo (con «?year=AAAA», los de "
            + "ese año), con entidad, año, clave del ejercicio e identificador estable de cada compromiso "
            + "(«oax-2026-c03»), sus actividades, el último valor medido de cada indicador y los resultados del "
            + "monitoreo y de la evaluación final del INAI.",
        List.of("plan de acción local", "compromisos"),
        new Distribution("Compromisos de todas las entidades (JSON)", "JSON", "application/json", api + "commitments"),
        new Distribution("Compromisos y actividades de todas las entidades (CSV)", "CSV", "text/csv",
            api + "commitments.csv")));
    datasets.add(national.dataset("actividades-nacional", "Actividades de todas las entidades",
        "Cada actividad de los compromisos del ejercicio actual de cada entidad federativa: producto, indicador, "
            + "línea base, meta, fecha de término, estado, si está vencida y el último valor medido de su indicador, con "
            + "el identificador del compromiso.",
        List.of("actividades", "seguimiento"),
        new Distribution("Actividades de todas las entidades (CSV)", "CSV", "text/csv", api + "activities.csv")));
    datasets.add(national.dataset("informes-nacional", "Informes de avance de todas las entidades",
        "Cada informe de avance de los compromisos del ejercicio actual de cada entidad federativa: fecha, avance, "
            + "relato del STL, evidencia y valores medidos de los indicadores, con el identificador del compromiso.",
        List.of("informes de avance", "seguimiento"),
        new Distribution("Informes de avance de todas las entidades (CSV)", "CSV", "text/csv", api + "reports.csv")));
    datasets.add(national.dataset("evaluaciones-nacional", "Monitoreo y evaluaciones del INAI de todas las entidades",
        "Cada valoración del INAI de los compromisos del ejercicio actual de cada entidad federativa: el monitoreo a "
            + "seis meses (verificable, relevante, impacto potencial), la evaluación de cada año de implementación y la "
            + "evaluación final (cumplimiento y si abrió el gobierno), con el identificador del compromiso.",
        List.of("monitoreo", "evaluación"),
        new Distribution("Monitoreo y evaluaciones del INAI de todas las entidades (CSV)", "CSV", "text/csv",
            api + "assessments.csv")));
    datasets.add(national.dataset("evidencia-nacional", "Evidencia documental de todas las entidades",
        "Cada documento publicado como evidencia del ejercicio actual de cada entidad federativa: declaración, actas "
            + "del STL, minutas de las mesas, Plan de Acción Local, informes de avance e informes del INAI, con el paso "
            + "del método al que pertenece y su dirección de descarga.",
        List.of("evidencia", "documentos"),
        new Distribution("Evidencia documental de todas las entidades (CSV)", "CSV", "text/csv", api + "evidence.csv")));
    for (PublicExercise exercise : current) {
      datasets.addAll(entityDatasets(exercise, all, modified));
    }
    return new Catalogue(publicUrl + "/api/public/catalogo", "Datos abiertos de Cocreación desde lo local",
        "Catálogo de los datos abiertos de los ejercicios locales de gobierno abierto (Cocreación desde lo local) de "
            + "las entidades federativas de México: ejercicios, compromisos de sus Planes de Acción Local, actividades, "
            + "avance, monitoreo y evaluación.",
        publicUrl + PAGE, nationalModified, List.copyOf(datasets));
  }

  /**
   * What the datasets of one place share: where their sections are ({@code page}), the entidad (null for the national
   * ones), its page and name, the period they cover, when they last changed, whom to ask, and the keyword that names
   * the place.
   */
  private record Coverage(String page, String tenant, String landingPage, String spatial, LocalDate start, LocalDate end,
      Instant modified, SupportContacts.Contact contact, String place) {

    Dataset dataset(String slug, String title, String description, List<String> keywords, Distribution... files) {
      return during(start, slug, title, description, keywords, files);
    }

    /** A dataset whose period begins on {@code from} rather than the place's start. */
    Dataset during(LocalDate from, String slug, String title, String description, List<String> keywords,
        Distribution... files) {
      List<String> words = new ArrayList<>(List.of("gobierno abierto", "cocreación"));
      words.addAll(keywords);
      words.add(place);
      return new Dataset(page + "#" + slug, slug, tenant, title, description, List.copyOf(words), landingPage, spatial,
          from, end, modified, contact, List.of(files));
    }
  }

  /**
   * The coverage of a list of exercises: from the first start to the end of the last PAL (or the last start when a
   * later exercise has no PAL yet), last changed when any of them last changed.
   */
  private Coverage exercisesOf(List<PublicExercise> list, Map<String, Instant> modified, String tenant, String landing,
      String spatial, SupportContacts.Contact contact, String place) {
    return new Coverage(publicUrl + PAGE, tenant, landing, spatial,
        list.stream().map(e -> Dates.localDate(e.startedAt())).min(LocalDate::compareTo).orElse(null),
        list.stream().map(e -> e.palEnd() != null ? e.palEnd() : Dates.localDate(e.startedAt()))
            .max(LocalDate::compareTo).orElse(null),
        list.stream().map(e -> modified.getOrDefault(e.businessKey(), e.startedAt())).max(Instant::compareTo)
            .orElse(null), contact, place);
  }

  /**
   * The datasets of one entidad's current exercise: all its exercises, and its exercise's commitments, activities,
   * progress reports, INAI's assessments and evidence (the entidad's rows of the national files).
   */
  private List<Dataset> entityDatasets(PublicExercise exercise, List<PublicExercise> all, Map<String, Instant> modified) {
    String tenant = exercise.tenant();
    String name = exercise.entityName();
    String of = exercise.year() + " de " + name;
    Coverage entity = new Coverage(publicUrl + PAGE, tenant, publicUrl + "/micrositio/" + tenant, name,
        exercise.palStart() != null ? exercise.palStart() : Dates.localDate(exercise.startedAt()), exercise.palEnd(),
        modified.getOrDefault(exercise.businessKey(), exercise.startedAt()), contacts.entity(tenant).orElse(inai()), name);
    String files = publicUrl + "/api/public/exercises/" + tenant;
    List<Dataset> out = new ArrayList<>();
    out.add(exercisesOf(all.stream().filter(e -> e.tenant().equals(tenant)).toList(), modified, tenant,
        entity.landingPage(), name, entity.contact(), name).dataset("ejercicios-" + tenant,
        "Ejercicios de cocreación de " + name,
        "Todos los ejercicios de Cocreación desde lo local de " + name + ", de todos los años: organismo garante, paso "
            + "actual del método, fechas del Plan de Acción Local y de su lanzamiento, número de compromisos, avance "
            + "promedio, compromisos destacados y tareas vencidas (las filas de la entidad en el archivo nacional de "
            + "ejercicios).",
        List.of("ejercicios", "plan de acción local"),
        new Distribution("Ejercicios (CSV)", "CSV", "text/csv", files + "/exercises.csv")));
    String api = files + "/commitments";
    out.add(entity.dataset("compromisos-" + tenant, "Compromisos del Plan de Acción Local de " + name + " "
            + exercise.year(),
        "Los compromisos del ejercicio " + of + " («" + exercise.name() + "»): problema, descripción, responsable, "
            + "ODS, criterios, actividades con producto, indicador, línea base, meta y fecha de término, avance, "
            + "informes de avance, monitoreo y evaluaciones del INAI (JSON); una fila por actividad (CSV).",
        List.of("plan de acción local", "compromisos"),
        new Distribution("Compromisos y actividades (JSON)", "JSON", "application/json", api),
        new Distribution("Compromisos y actividades (CSV)", "CSV", "text/csv", api + ".csv")));
    out.add(entity.dataset("actividades-" + tenant, "Actividades del Plan de Acción Local de " + name + " "
            + exercise.year(),
        "Cada actividad de los compromisos del ejercicio " + of + ": producto, indicador, línea base, meta, fecha de "
            + "término, estado, si está vencida y el último valor medido, con el identificador del compromiso (las "
            + "filas de la entidad en el archivo nacional de actividades).",
        List.of("actividades", "seguimiento"),
        new Distribution("Actividades (CSV)", "CSV", "text/csv", files + "/activities.csv")));
    out.add(entity.dataset("informes-" + tenant, "Informes de avance del Plan de Acción Local de " + name + " "
            + exercise.year(),
        "Cada informe de avance de los compromisos del ejercicio " + of + ": fecha, avance, relato del STL, evidencia "
            + "y valores medidos de los indicadores, con el identificador del compromiso (las filas de la entidad en el "
            + "archivo nacional de informes).",
        List.of("informes de avance", "seguimiento"),
        new Distribution("Informes de avance (CSV)", "CSV", "text/csv", files + "/reports.csv")));
    out.add(entity.dataset("evaluaciones-" + tenant, "Monitoreo y evaluaciones del INAI del Plan de Acción Local de "
            + name + " " + exercise.year(),
        "Cada valoración del INAI de los compromisos del ejercicio " + of + ": monitoreo a seis meses, evaluación de "
            + "cada año de implementación y evaluación final, con el identificador del compromiso (las filas de la "
            + "entidad en el archivo nacional de valoraciones).",
        List.of("monitoreo", "evaluación"),
        new Distribution("Monitoreo y evaluaciones del INAI (CSV)", "CSV", "text/csv", files + "/assessments.csv")));
    out.add(entity.during(Dates.localDate(exercise.startedAt()), "evidencia-" + tenant,
        "Evidencia documental del ejercicio de " + name + " " + exercise.year(),
        "Cada documento publicado como evidencia del ejercicio " + of + ": declaración, actas del STL, minutas de las "
            + "mesas, Plan de Acción Local, informes de avance e informes del INAI, con el paso del método y su "
            + "dirección de descarga.",
        List.of("evidencia", "documentos"),
        new Distribution("Evidencia documental (CSV)", "CSV", "text/csv", files + "/evidence.csv")));
    return out;
  }

  private SupportContacts.Contact inai() {
    return contacts.inai();
  }

  /** When the plan of record last recorded something of each exercise (by business key), else its start. */
  private Map<String, Instant> lastRecorded() {
    Map<String, Instant> out = new HashMap<>();
    jdbc.sql("""
            select e.business_key, coalesce(max(r.recorded_at), e.started_at) as modified
            from cc_exercise e left join cc_record r on r.exercise_id = e.id
            group by e.business_key, e.started_at""")
        .query((rs, n) -> out.put(rs.getString(1), toInstant(rs.getTimestamp(2)))).list();
    return out;
  }

  private static Instant toInstant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
