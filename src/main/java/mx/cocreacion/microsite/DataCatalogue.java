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
    LocalDate firstDay = all.stream().map(e -> Dates.localDate(e.startedAt())).min(LocalDate::compareTo).orElse(null);
    // To the end of the last PAL, or the last start when a later exercise has no PAL yet.
    LocalDate lastDay = all.stream().map(e -> e.palEnd() != null ? e.palEnd() : Dates.localDate(e.startedAt()))
        .max(LocalDate::compareTo).orElse(null);
    datasets.add(new Dataset(publicUrl + PAGE + "#ejercicios", "ejercicios", null,
        "Ejercicios locales de cocreación (nacional)",
        "Todos los ejercicios de Cocreación desde lo local de las 32 entidades federativas: entidad, año, organismo "
            + "garante, paso actual del método (1 a 6), fechas del Plan de Acción Local (PAL) y de su lanzamiento, "
            + "número de compromisos, avance promedio del PAL, compromisos destacados y tareas vencidas.",
        List.of("gobierno abierto", "cocreación", "plan de acción local", "entidades federativas", "transparencia"),
        publicUrl + "/micrositio", "México", firstDay, lastDay, nationalModified, inai(),
        List.of(new Distribution("Ejercicios (JSON)", "JSON", "application/json", publicUrl + "/api/public/exercises"),
            new Distribution("Ejercicios (CSV)", "CSV", "text/csv", publicUrl + "/api/public/exercises.csv"))));
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
    datasets.add(new Dataset(publicUrl + PAGE + "#compromisos-nacional", "compromisos-nacional", null,
        "Compromisos y actividades de todas las entidades",
        "Los compromisos del ejercicio actual de cada entidad federativa en un solo archivo (con «?year=AAAA», los de "
            + "ese año), con entidad, año, clave del ejercicio e identificador estable de cada compromiso "
            + "(«oax-2026-c03»), sus actividades, el último valor medido de cada indicador y los resultados del "
            + "monitoreo y de la evaluación final del INAI.",
        List.of("gobierno abierto", "cocreación", "plan de acción local", "compromisos", "entidades federativas"),
        publicUrl + "/micrositio", "México", currentFirst, currentLast, currentModified, inai(),
        List.of(new Distribution("Compromisos de todas las entidades (JSON)", "JSON", "application/json",
                publicUrl + "/api/public/commitments"),
            new Distribution("Compromisos y actividades de todas las entidades (CSV)", "CSV", "text/csv",
                publicUrl + "/api/public/commitments.csv"))));
    datasets.add(new Dataset(publicUrl + PAGE + "#informes-nacional", "informes-nacional", null,
        "Informes de avance de todas las entidades",
        "Cada informe de avance de los compromisos del ejercicio actual de cada entidad federativa: fecha, avance, "
            + "relato del STL, evidencia y valores medidos de los indicadores, con el identificador del compromiso.",
        List.of("gobierno abierto", "cocreación", "informes de avance", "seguimiento", "entidades federativas"),
        publicUrl + "/micrositio", "México", currentFirst, currentLast, currentModified, inai(),
        List.of(new Distribution("Informes de avance de todas las entidades (CSV)", "CSV", "text/csv",
            publicUrl + "/api/public/reports.csv"))));
    datasets.add(new Dataset(publicUrl + PAGE + "#evidencia-nacional", "evidencia-nacional", null,
        "Evidencia documental de todas las entidades",
        "Cada documento publicado como evidencia del ejercicio actual de cada entidad federativa: declaración, actas "
            + "del STL, minutas de las mesas, Plan de Acción Local, informes de avance e informes del INAI, con el paso "
            + "del método al que pertenece y su dirección de descarga.",
        List.of("gobierno abierto", "cocreación", "evidencia", "documentos", "entidades federativas"),
        publicUrl + "/micrositio", "México", currentFirst, currentLast, currentModified, inai(),
        List.of(new Distribution("Evidencia documental de todas las entidades (CSV)", "CSV", "text/csv",
            publicUrl + "/api/public/evidence.csv"))));
    for (PublicExercise exercise : current) {
      String tenant = exercise.tenant();
      // What the entidad's three datasets share: its page, the PAL's period, when it last changed, whom to ask.
      String landing = publicUrl + "/micrositio/" + tenant;
      LocalDate planStart = exercise.palStart() != null ? exercise.palStart() : Dates.localDate(exercise.startedAt());
      Instant changed = modified.getOrDefault(exercise.businessKey(), exercise.startedAt());
      SupportContacts.Contact contact = contacts.entity(tenant).orElse(inai());
      String api = publicUrl + "/api/public/exercises/" + tenant + "/commitments";
      datasets.add(new Dataset(publicUrl + PAGE + "#compromisos-" + tenant, "compromisos-" + tenant, tenant,
          "Compromisos del Plan de Acción Local de " + exercise.entityName() + " " + exercise.year(),
          "Los compromisos del ejercicio " + exercise.year() + " de " + exercise.entityName() + " («" + exercise.name()
              + "»): problema, descripción, responsable, ODS, criterios, actividades con producto, indicador, línea "
              + "base, meta y fecha de término, avance, informes de avance, monitoreo y evaluaciones del INAI (JSON); "
              + "una fila por actividad (CSV).",
          List.of("gobierno abierto", "cocreación", "plan de acción local", "compromisos", exercise.entityName()),
          landing, exercise.entityName(), planStart, exercise.palEnd(), changed, contact,
          List.of(new Distribution("Compromisos y actividades (JSON)", "JSON", "application/json", api),
              new Distribution("Compromisos y actividades (CSV)", "CSV", "text/csv", api + ".csv"))));
      String files = publicUrl + "/api/public/exercises/" + tenant;
      datasets.add(new Dataset(publicUrl + PAGE + "#informes-" + tenant, "informes-" + tenant, tenant,
          "Informes de avance del Plan de Acción Local de " + exercise.entityName() + " " + exercise.year(),
          "Cada informe de avance de los compromisos del ejercicio " + exercise.year() + " de " + exercise.entityName()
              + ": fecha, avance, relato del STL, evidencia y valores medidos de los indicadores, con el identificador "
              + "del compromiso (las filas de la entidad en el archivo nacional de informes).",
          List.of("gobierno abierto", "cocreación", "informes de avance", "seguimiento", exercise.entityName()),
          landing, exercise.entityName(), planStart, exercise.palEnd(), changed, contact,
          List.of(new Distribution("Informes de avance (CSV)", "CSV", "text/csv", files + "/reports.csv"))));
      datasets.add(new Dataset(publicUrl + PAGE + "#evidencia-" + tenant, "evidencia-" + tenant, tenant,
          "Evidencia documental del ejercicio de " + exercise.entityName() + " " + exercise.year(),
          "Cada documento publicado como evidencia del ejercicio " + exercise.year() + " de " + exercise.entityName()
              + ": declaración, actas del STL, minutas de las mesas, Plan de Acción Local, informes de avance e "
              + "informes del INAI, con el paso del método y su dirección de descarga.",
          List.of("gobierno abierto", "cocreación", "evidencia", "documentos", exercise.entityName()),
          landing, exercise.entityName(), Dates.localDate(exercise.startedAt()), exercise.palEnd(), changed, contact,
          List.of(new Distribution("Evidencia documental (CSV)", "CSV", "text/csv", files + "/evidence.csv"))));
    }
    return new Catalogue(publicUrl + "/api/public/catalogo", "Datos abiertos de Cocreación desde lo local",
        "Catálogo de los datos abiertos de los ejercicios locales de gobierno abierto (Cocreación desde lo local) de "
            + "las entidades federativas de México: ejercicios, compromisos de sus Planes de Acción Local, actividades, "
            + "avance, monitoreo y evaluación.",
        publicUrl + PAGE, nationalModified, List.copyOf(datasets));
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
