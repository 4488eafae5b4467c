package mx.cocreacion.microsite;

import static mx.cocreacion.microsite.RdfGraph.iri;
import static mx.cocreacion.microsite.RdfGraph.plain;
import static mx.cocreacion.microsite.RdfGraph.spanish;
import static mx.cocreacion.microsite.RdfGraph.typed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mx.cocreacion.microsite.DataCatalogue.Catalogue;
import mx.cocreacion.microsite.DataCatalogue.Dataset;
import mx.cocreacion.microsite.DataCatalogue.Distribution;
import mx.cocreacion.microsite.RdfGraph.Term;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data catalogue, for national open-data portals to harvest: DCAT (the DCAT-AP shape: catalogue, datasets,
 * distributions with format, media type, download URL and licence, publisher, contact point, modified, temporal
 * and spatial coverage) in JSON-LD and Turtle, written from the same triples, and the {@code data.json} of
 * DCAT-US 1.1 that CKAN's harvesters read. Public, read-only, open to every origin.
 */
@RestController
@Tag(name = "Catálogo de datos", description = "El catálogo DCAT de los datos abiertos (JSON-LD, Turtle y data.json)")
class CatalogueController {

  static final MediaType JSON_LD = new MediaType("application", "ld+json", StandardCharsets.UTF_8);
  static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);

  private static final String IANA = "https://www.iana.org/assignments/media-types/";
  private static final String FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";
  private static final String SPANISH = "http://publications.europa.eu/resource/authority/language/SPA";

  private final DataCatalogue catalogue;
  private final OpenDataTerms terms;
  private final ObjectMapper json;

  CatalogueController(DataCatalogue catalogue, OpenDataTerms terms, ObjectMapper json) {
    this.catalogue = catalogue;
    this.terms = terms;
    this.json = json;
  }

  @GetMapping(value = "/api/public/catalogo.jsonld", produces = "application/ld+json")
  @Operation(summary = "Catálogo DCAT (JSON-LD)", description = "Los conjuntos de datos, sus archivos, licencia, "
      + "publicador, punto de contacto institucional, fecha de modificación y cobertura temporal y espacial.")
  @ApiResponse(responseCode = "200", description = "El catálogo")
  ResponseEntity<byte[]> jsonLd() {
    return ResponseEntity.ok().contentType(JSON_LD).body(write(graph(catalogue.catalogue()).jsonLd()));
  }

  @GetMapping(value = "/api/public/catalogo.ttl", produces = "text/turtle")
  @Operation(summary = "Catálogo DCAT (Turtle)", description = "El mismo catálogo en Turtle.")
  @ApiResponse(responseCode = "200", description = "El catálogo")
  ResponseEntity<String> turtle() {
    return ResponseEntity.ok().contentType(TURTLE).body(graph(catalogue.catalogue()).turtle());
  }

  @GetMapping(value = "/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Catálogo DCAT-US 1.1 (data.json)", description = "El catálogo en el formato que leen los "
      + "cosechadores de CKAN (Project Open Data 1.1).")
  @ApiResponse(responseCode = "200", description = "El catálogo")
  ResponseEntity<byte[]> dataJson() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(dataJson(catalogue.catalogue())));
  }

  @GetMapping(value = "/api/public/datapackage.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Diccionario de datos (Frictionless Data Package)", description = "Cada CSV de los datos "
      + "abiertos con su Table Schema: cada columna con título y descripción en español, tipo, formato, valores "
      + "permitidos y la convención de valores faltantes (celda vacía).")
  @ApiResponse(responseCode = "200", description = "El paquete de datos")
  ResponseEntity<byte[]> dataPackage() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(dataPackage(catalogue.catalogue())));
  }

  /** A Frictionless Tabular Data Package: one resource per CSV distribution of the catalogue, with its schema. */
  private Map<String, Object> dataPackage(Catalogue c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("profile", "tabular-data-package");
    out.put("name", "cocreacion-desde-lo-local");
    out.put("title", c.title());
    out.put("description", c.description());
    out.put("homepage", c.homepage());
    out.put("licenses", List.of(Map.of("path", terms.licence().url(), "title", terms.licence().name())));
    out.put("contributors", List.of(Map.of("title", terms.publisher().name(), "role", "publisher")));
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Dataset d : c.datasets()) {
      for (Distribution f : d.distributions()) {
        if (!"CSV".equals(f.format())) {
          continue;
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", d.slug());
        resource.put("title", d.title());
        resource.put("path", f.downloadUrl());
        resource.put("profile", "tabular-data-resource");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("dialect", Map.of("delimiter", ",", "lineTerminator", "\r\n", "quoteChar", "\"",
            "doubleQuote", true, "header", true));
        resource.put("schema", DataDictionary.of(d.slug()));
        resources.add(resource);
      }
    }
    out.put("resources", resources);
    return out;
  }

  private RdfGraph graph(Catalogue c) {
    RdfGraph g = new RdfGraph();
    Term catalogueNode = iri(c.id());
    Term publisher = publisher(g);
    Term licence = iri(terms.licence().url());
    g.add(catalogueNode, "rdf:type", iri("dcat:Catalog"))
        .add(catalogueNode, "dct:title", spanish(c.title()))
        .add(catalogueNode, "dct:description", spanish(c.description()))
        .add(catalogueNode, "dct:publisher", publisher)
        .add(catalogueNode, "dct:license", licence)
        .add(catalogueNode, "dct:language", iri(SPANISH))
        .add(catalogueNode, "foaf:homepage", iri(c.homepage()))
        .add(catalogueNode, "dct:modified", dateTime(c.modified()));
    g.add(licence, "rdf:type", iri("dct:LicenseDocument")).add(licence, "dct:title", spanish(terms.licence().name()));
    for (Dataset d : c.datasets()) {
      g.add(catalogueNode, "dcat:dataset", iri(d.id()));
    }
    for (Dataset d : c.datasets()) {
      Term dataset = iri(d.id());
      g.add(dataset, "rdf:type", iri("dcat:Dataset"))
          .add(dataset, "dct:identifier", plain(d.id()))
          .add(dataset, "dct:title", spanish(d.title()))
          .add(dataset, "dct:description", spanish(d.description()));
      d.keywords().forEach(k -> g.add(dataset, "dcat:keyword", spanish(k)));
      g.add(dataset, "dcat:landingPage", iri(d.landingPage()))
          .add(dataset, "dct:publisher", publisher)
          .add(dataset, "dct:language", iri(SPANISH))
          .add(dataset, "dct:modified", dateTime(d.modified()))
          .add(dataset, "dct:accessRights", iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"));
      Term contact = g.blank();
      g.add(dataset, "dcat:contactPoint", contact)
          .add(contact, "rdf:type", iri("vcard:Organization"))
          .add(contact, "vcard:fn", spanish(d.contact().name() != null ? d.contact().name() : "Organismo garante"))
          .add(contact, "vcard:hasEmail", d.contact().email() == null ? null : iri("mailto:" + d.contact().email()))
          .add(contact, "vcard:hasURL", d.contact().url() == null ? null : iri(d.contact().url()));
      Term place = g.blank();
      g.add(dataset, "dct:spatial", place).add(place, "rdf:type", iri("dct:Location"))
          .add(place, "skos:prefLabel", spanish(d.spatial()));
      if (d.temporalStart() != null) {
        Term period = g.blank();
        g.add(dataset, "dct:temporal", period).add(period, "rdf:type", iri("dct:PeriodOfTime"))
            .add(period, "dcat:startDate", date(d.temporalStart()))
            .add(period, "dcat:endDate", date(d.temporalEnd()));
      }
      for (Distribution f : d.distributions()) {
        Term file = g.blank();
        g.add(dataset, "dcat:distribution", file)
            .add(file, "rdf:type", iri("dcat:Distribution"))
            .add(file, "dct:title", spanish(f.title()))
            .add(file, "dcat:accessURL", iri(f.downloadUrl()))
            .add(file, "dcat:downloadURL", iri(f.downloadUrl()))
            .add(file, "dcat:mediaType", iri(IANA + f.mediaType()))
            .add(file, "dct:format", iri(FILE_TYPE + f.format()))
            .add(file, "dct:license", licence)
            .add(file, "dct:modified", dateTime(d.modified()));
      }
    }
    return g;
  }

  private Term publisher(RdfGraph g) {
    OpenDataTerms.Publisher p = terms.publisher();
    Term node = p.url() != null ? iri(p.url()) : g.blank();
    g.add(node, "rdf:type", iri("foaf:Agent")).add(node, "foaf:name", spanish(p.name()))
        .add(node, "foaf:homepage", p.url() == null ? null : iri(p.url()));
    return node;
  }

  /** DCAT-US 1.1 (https://resources.data.gov/resources/dcat-us/): the fields CKAN's data.json harvester reads. */
  private Map<String, Object> dataJson(Catalogue c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld");
    out.put("@id", catalogue.publicUrl() + "/data.json");
    out.put("@type", "dcat:Catalog");
    out.put("conformsTo", "https://project-open-data.cio.gov/v1.1/schema");
    out.put("describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json");
    List<Map<String, Object>> datasets = new ArrayList<>();
    for (Dataset d : c.datasets()) {
      Map<String, Object> ds = new LinkedHashMap<>();
      ds.put("@type", "dcat:Dataset");
      ds.put("identifier", d.id());
      ds.put("title", d.title());
      ds.put("description", d.description());
      ds.put("keyword", d.keywords());
      ds.put("modified", d.modified() == null ? null : d.modified().truncatedTo(ChronoUnit.SECONDS).toString());
      ds.put("publisher", Map.of("@type", "org:Organization", "name", terms.publisher().name()));
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("@type", "vcard:Contact");
      contact.put("fn", d.contact().name() != null ? d.contact().name() : "Organismo garante");
      // DCAT-US requires an e-mail; without an institutional one configured, the contact's web page.
      contact.put("hasEmail", d.contact().email() != null ? "mailto:" + d.contact().email() : d.contact().url());
      ds.put("contactPoint", contact);
      ds.put("accessLevel", "public");
      ds.put("license", terms.licence().url());
      ds.put("rights", terms.licence().name());
      ds.put("spatial", d.spatial());
      if (d.temporalStart() != null) {
        ds.put("temporal", d.temporalStart() + "/" + (d.temporalEnd() != null ? d.temporalEnd() : LocalDate.now()));
      }
      ds.put("language", List.of("es-MX"));
      ds.put("landingPage", d.landingPage());
      ds.put("distribution", d.distributions().stream().map(f -> {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("@type", "dcat:Distribution");
        file.put("title", f.title());
        file.put("downloadURL", f.downloadUrl());
        file.put("mediaType", f.mediaType());
        file.put("format", f.format());
        if ("CSV".equals(f.format())) {
          file.put("describedBy", catalogue.publicUrl() + "/api/public/datapackage.json");
          file.put("describedByType", "application/json");
        }
        return file;
      }).toList());
      ds.values().removeIf(v -> v == null);
      datasets.add(ds);
    }
    out.put("dataset", datasets);
    return out;
  }

  private static Term dateTime(Instant instant) {
    return instant == null ? null : typed(instant.truncatedTo(ChronoUnit.SECONDS).toString(), "xsd:dateTime");
  }

  private static Term date(LocalDate day) {
    return day == null ? null : typed(day.toString(), "xsd:date");
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the catalogue could not be written as JSON", e);
    }
  }
}
