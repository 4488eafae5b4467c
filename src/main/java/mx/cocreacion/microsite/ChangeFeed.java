package mx.cocreacion.microsite;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import mx.cocreacion.evidence.EvidenceCatalogue;
import mx.cocreacion.evidence.EvidenceItem;
import mx.cocreacion.plan.CommitmentView;
import mx.cocreacion.plan.EvaluationRound;
import mx.cocreacion.tenancy.Entity;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What changed in the exercises, as Atom feeds (RFC 4287) a journalist or a portal can follow: per entidad (its
 * current exercise) and national (every entidad's current one). Entries: the exercise started, the PAL launched,
 * each progress report, each evidence published (the monitoring and evaluation reports among them), each INAI
 * evaluation, the exercise concluded; newest first, at most {@link #MAX_ENTRIES}. Entry ids are tag URIs that do
 * not change, so a reader shows each change once.
 */
@RestController
class ChangeFeed {

  static final MediaType ATOM = new MediaType("application", "atom+xml", java.nio.charset.StandardCharsets.UTF_8);
  static final int MAX_ENTRIES = 50;
  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  /** One change: a stable id, when, a title, what it says, and the page that shows it. */
  record Entry(String id, Instant updated, String title, String summary, String link) {}

  private final PublicExercises exercises;
  private final EvidenceCatalogue evidence;
  private final PublicDataCache cache;
  private final String publicUrl;

  ChangeFeed(PublicExercises exercises, EvidenceCatalogue evidence, PublicDataCache cache,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl) {
    this.exercises = exercises;
    this.evidence = evidence;
    this.cache = cache;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @GetMapping("/micrositio/{tenant:[a-z]+}/novedades.atom")
  ResponseEntity<String> entidad(@PathVariable String tenant) {
    Optional<PublicExercises.Found> found = exercises.find(tenant, null);
    if (found.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("No hay ejercicio de cocreación de «" + tenant + "».");
    }
    String name = found.get().exercise().entityName();
    List<Entry> entries = cache.get("atom:" + tenant, () -> newestFirst(entries(found.get())));
    return ResponseEntity.ok().contentType(ATOM).header("Access-Control-Allow-Origin", "*")
        .body(write("Novedades de " + name + " — Cocreación desde lo local",
        publicUrl + "/micrositio/" + tenant, publicUrl + "/micrositio/" + tenant + "/novedades.atom", entries));
  }

  @GetMapping("/micrositio/novedades.atom")
  ResponseEntity<String> national() {
    List<Entry> entries = cache.get("atom:national", () -> newestFirst(EntityCatalogue.all().stream().map(Entity::code)
        .map(t -> exercises.find(t, null)).flatMap(Optional::stream).flatMap(f -> entries(f).stream()).toList()));
    return ResponseEntity.ok().contentType(ATOM).header("Access-Control-Allow-Origin", "*")
        .body(write("Novedades de Cocreación desde lo local",
        publicUrl + "/micrositio", publicUrl + "/micrositio/novedades.atom", entries));
  }

  private List<Entry> entries(PublicExercises.Found found) {
    PublicExercise e = found.exercise();
    String who = e.entityName() + " " + e.year();
    String page = publicUrl + "/micrositio/" + e.tenant() + "/" + e.year();
    String tag = "tag:cocreacion.mx,2026:" + e.businessKey();
    List<Entry> out = new ArrayList<>();
    out.add(new Entry(tag + ":inicio", e.startedAt(), who + ": inicia el ejercicio de cocreación",
        "El organismo garante (" + e.guarantorBody() + ") inició el ejercicio «" + e.name() + "».", page));
    if (e.launchDate() != null) {
      out.add(new Entry(tag + ":lanzamiento", day(e.launchDate()), who + ": lanzamiento público del PAL",
          "El Plan de Acción Local se presentó en " + e.launchPlace() + " e inicia su implementación.", page));
    }
    for (CommitmentView c : exercises.commitments(found.exerciseId())) {
      for (CommitmentView.Report r : c.reports()) {
        out.add(new Entry(tag + ":c" + c.position() + ":informe-" + r.number(), day(r.reportedAt()),
            who + ": informe de avance " + r.number() + " del compromiso " + c.numberedTitle(),
            "Avance del compromiso: " + r.progress() + " %." + (r.narrative() == null ? "" : " " + r.narrative()),
            page + "#compromiso-" + c.position()));
      }
    }
    for (EvaluationRound round : exercises.evaluations(found.exerciseId())) {
      if (round.evaluatedAt() != null) {
        out.add(new Entry(tag + ":evaluacion-" + round.round(), round.evaluatedAt(),
            who + ": el INAI publica su " + (round.finalRound() ? "evaluación final" : "evaluación del año " + round.year()),
            "Resultados por compromiso en la página del ejercicio.", page));
      }
    }
    for (EvidenceItem item : evidence.list(e.tenant(), found.exerciseId())) {
      out.add(new Entry(tag + ":evidencia-" + item.id(), item.recordedAt(), who + ": nueva evidencia — " + item.source(),
          item.name() != null ? "Archivo «" + item.name() + "»." : "Enlace: " + item.url(),
          item.url() != null && item.name() == null ? item.url() : page + "#titulo-evidencia"));
    }
    if (e.endedAt() != null) {
      out.add(new Entry(tag + ":conclusion", e.endedAt(), who + ": concluye el ejercicio",
          "El ejercicio concluyó con la evaluación final del INAI.", page));
    }
    return out;
  }

  private static List<Entry> newestFirst(List<Entry> entries) {
    return entries.stream().filter(e -> e.updated() != null)
        .sorted(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id))
        .limit(MAX_ENTRIES).toList();
  }

  private static Instant day(LocalDate date) {
    return date.atStartOfDay(Dates.MEXICO).toInstant();
  }

  private static String write(String title, String page, String self, List<Entry> entries) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM_NS);
      xml.writeAttribute("xml:lang", "es");
      element(xml, "id", self);
      element(xml, "title", title);
      element(xml, "updated", iso(entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated()));
      link(xml, "self", self, "application/atom+xml");
      link(xml, "alternate", page, "text/html");
      xml.writeStartElement("author");
      element(xml, "name", "Cocreación desde lo local");
      xml.writeEndElement();
      for (Entry entry : entries) {
        xml.writeStartElement("entry");
        element(xml, "id", entry.id());
        element(xml, "title", entry.title());
        element(xml, "updated", iso(entry.updated()));
        link(xml, "alternate", entry.link(), null);
        element(xml, "summary", entry.summary());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the Atom feed could not be written", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
    if (type != null) {
      xml.writeAttribute("type", type);
    }
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
