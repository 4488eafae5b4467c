package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The data catalogue as a national portal's harvester reads it: the DCAT catalogue parsed by a real RDF library
 * (Apache Jena) in both formats, which say the same; every dataset with what DCAT-AP makes mandatory (title,
 * description) and what a CKAN harvester needs (publisher, institutional contact, licence, modified, spatial and
 * temporal coverage, distributions with format, media type and a download URL that answers); the data.json of
 * DCAT-US 1.1 with the same datasets; the licence in the OpenAPI description, the Link header and every page's
 * footer; open to other origins.
 */
class DataCatalogueTest extends ProcessTestSupport {

  private static final String LICENCE = "https://datos.gob.mx/libreusomx";
  private static final String FOAF = "http://xmlns.com/foaf/0.1/";
  /** The licence's link: its title in RFC 8187's encoding (title*), and without accents for clients that read title. */
  private static final String LINK = "<" + LICENCE + ">; rel=\"license\"; title=\"Terminos de Libre Uso MX\"; "
      + "title*=UTF-8''T%C3%A9rminos%20de%20Libre%20Uso%20MX";

  @LocalServerPort int port;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void theCatalogueDescribesEveryDatasetForAHarvesterInJsonLdAndTurtleAlike() {
    var exercise = driver.startWithPal("bcn", "2032-02-01", "2033-02-01", "2032-02-01");
    int year = MicrositeControllerTest.year(exercise);

    Answer jsonLd = http.get("/api/public/catalogo.jsonld");
    assertThat(jsonLd.status()).isEqualTo(200);
    assertThat(jsonLd.header("Content-Type")).startsWith("application/ld+json");
    Model catalogue = parse(jsonLd.body(), Lang.JSONLD11);
    Answer turtle = http.get("/api/public/catalogo.ttl");
    assertThat(turtle.status()).isEqualTo(200);
    assertThat(turtle.header("Content-Type")).startsWith("text/turtle");
    assertThat(parse(turtle.body(), Lang.TURTLE).isIsomorphicWith(catalogue)).as("Turtle and JSON-LD say the same").isTrue();

    Resource root = only(catalogue.listResourcesWithProperty(RDF.type, DCAT.Catalog).toList());
    assertThat(spanish(root, DCTerms.title)).isEqualTo("Datos abiertos de Cocreación desde lo local");
    assertThat(spanish(root, DCTerms.description)).isNotBlank();
    assertThat(root.getPropertyResourceValue(DCTerms.license).getURI()).isEqualTo(LICENCE);
    Resource publisher = root.getPropertyResourceValue(DCTerms.publisher);
    assertThat(publisher.getProperty(catalogue.createProperty(FOAF, "name")).getString()).contains("INAI");

    List<Resource> datasets = new ArrayList<>();
    root.listProperties(DCAT.dataset).forEach(s -> datasets.add(s.getResource()));
    assertThat(datasets).hasSizeGreaterThanOrEqualTo(2);
    for (Resource dataset : datasets) {
      String name = dataset.getURI();
      assertThat(dataset.hasProperty(RDF.type, DCAT.Dataset)).as(name).isTrue();
      assertThat(spanish(dataset, DCTerms.title)).as(name).isNotBlank();
      assertThat(spanish(dataset, DCTerms.description)).as(name).isNotBlank();
      assertThat(dataset.listProperties(DCAT.keyword).toList()).as(name).isNotEmpty();
      assertThat(dataset.getPropertyResourceValue(DCTerms.publisher)).as(name).isEqualTo(publisher);
      assertThat(dataset.getProperty(DCTerms.modified).getLiteral().getDatatypeURI()).as(name).endsWith("#dateTime");
      Resource contact = dataset.getPropertyResourceValue(DCAT.contactPoint);
      assertThat(contact.getProperty(VCARD4.fn).getString()).as(name).isNotBlank();
      assertThat(contact.hasProperty(VCARD4.hasEmail) || contact.hasProperty(VCARD4.hasURL)).as(name).isTrue();
      assertThat(spanish(dataset.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).as(name).isNotBlank();
      List<Resource> files = dataset.listProperties(DCAT.distribution).mapWith(s -> s.getResource()).toList();
      // JSON and CSV for the exercises and the commitments; the other files are CSV.
      assertThat(files).as(name).hasSize(name.endsWith("#ejercicios") || name.contains("#compromisos-") ? 2 : 1);
      for (Resource file : files) {
        assertThat(file.getPropertyResourceValue(DCTerms.license).getURI()).isEqualTo(LICENCE);
        assertThat(file.getPropertyResourceValue(DCAT.accessURL)).isNotNull();
        String media = file.getPropertyResourceValue(DCAT.mediaType).getURI();
        assertThat(media).startsWith("https://www.iana.org/assignments/media-types/");
        assertThat(file.getPropertyResourceValue(DCTerms.format).getURI())
            .startsWith("http://publications.europa.eu/resource/authority/file-type/");
        // Resolvable: the download answers with the media type it is described with.
        Answer download = http.get(URI.create(file.getPropertyResourceValue(DCAT.downloadURL).getURI()).getPath());
        assertThat(download.status()).as(name).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith(media.substring(media.indexOf("media-types/") + 12));
        assertThat(download.header("Link")).isEqualTo(LINK);
        assertThat(download.header("Access-Control-Allow-Origin")).isEqualTo("*");
      }
    }

    Resource baja = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#compromisos-bcn");
    assertThat(spanish(baja, DCTerms.title)).isEqualTo("Compromisos del Plan de Acción Local de Baja California " + year);
    assertThat(spanish(baja.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).isEqualTo("Baja California");
    Resource period = baja.getPropertyResourceValue(DCTerms.temporal);
    assertThat(period.getProperty(DCAT.startDate).getLiteral().getLexicalForm()).isEqualTo("2032-02-01");
    assertThat(period.getProperty(DCAT.endDate).getLiteral().getLexicalForm()).isEqualTo("2033-02-01");
    assertThat(baja.getPropertyResourceValue(DCAT.landingPage).getURI()).isEqualTo("http://localhost:8080/micrositio/bcn");
    // The entidad's own progress reports and evidence: its rows of the national files.
    Resource bajaReports = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#informes-bcn");
    assertThat(spanish(bajaReports, DCTerms.title)).isEqualTo("Informes de avance del Plan de Acción Local de Baja California " + year);
    assertThat(bajaReports.getPropertyResourceValue(DCAT.distribution).getPropertyResourceValue(DCAT.downloadURL).getURI())
        .isEqualTo("http://localhost:8080/api/public/exercises/bcn/reports.csv");
    Resource bajaEvidence = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#evidencia-bcn");
    assertThat(spanish(bajaEvidence.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).isEqualTo("Baja California");
    assertThat(bajaEvidence.getPropertyResourceValue(DCAT.distribution).getPropertyResourceValue(DCAT.downloadURL).getURI())
        .isEqualTo("http://localhost:8080/api/public/exercises/bcn/evidence.csv");
    // All the entidad's exercises, and its current exercise's activities and INAI's assessments.
    for (String[] file : new String[][] {{"ejercicios", "exercises", "Ejercicios de cocreación de Baja California"},
        {"actividades", "activities", "Actividades del Plan de Acción Local de Baja California " + year},
        {"evaluaciones", "assessments", "Monitoreo y evaluaciones del INAI del Plan de Acción Local de Baja California " + year}}) {
      Resource own = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#" + file[0] + "-bcn");
      assertThat(spanish(own, DCTerms.title)).isEqualTo(file[2]);
      assertThat(spanish(own.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).isEqualTo("Baja California");
      assertThat(own.getPropertyResourceValue(DCAT.distribution).getPropertyResourceValue(DCAT.downloadURL).getURI())
          .isEqualTo("http://localhost:8080/api/public/exercises/bcn/" + file[1] + ".csv");
    }
    for (String[] file : new String[][] {{"actividades", "activities"}, {"evaluaciones", "assessments"}}) {
      Resource national = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#" + file[0] + "-nacional");
      assertThat(spanish(national.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).isEqualTo("México");
      assertThat(national.getPropertyResourceValue(DCAT.distribution).getPropertyResourceValue(DCAT.downloadURL).getURI())
          .isEqualTo("http://localhost:8080/api/public/" + file[1] + ".csv");
    }
    // The national one: every exercise.
    Resource national = catalogue.getResource("http://localhost:8080/micrositio/datos-abiertos#ejercicios");
    assertThat(spanish(national.getPropertyResourceValue(DCTerms.spatial), SKOS.prefLabel)).isEqualTo("México");
    assertThat(jsonLd.header("Access-Control-Allow-Origin")).isEqualTo("*");
  }

  @Test
  void theDataJsonOfDcatUsListsTheSameDatasetsWithWhatCkanReads() throws Exception {
    driver.startAtStep("bcn", 2);
    Answer answer = http.get("/data.json");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    JsonNode data = answer.json();
    assertThat(data.path("conformsTo").asText()).isEqualTo("https://project-open-data.cio.gov/v1.1/schema");
    Model catalogue = parse(http.get("/api/public/catalogo.jsonld").body(), Lang.JSONLD11);
    List<String> identifiers = new ArrayList<>();
    for (JsonNode dataset : data.path("dataset")) {
      String id = dataset.path("identifier").asText();
      identifiers.add(id);
      for (String field : List.of("title", "description", "modified", "accessLevel", "license", "landingPage", "spatial")) {
        assertThat(dataset.path(field).asText()).as(id + " " + field).isNotBlank();
      }
      assertThat(dataset.path("keyword").size()).as(id).isPositive();
      assertThat(dataset.path("publisher").path("name").asText()).contains("INAI");
      assertThat(dataset.path("contactPoint").path("fn").asText()).isNotBlank();
      assertThat(dataset.path("contactPoint").path("hasEmail").asText()).matches("(mailto:|https://).+");
      assertThat(dataset.path("license").asText()).isEqualTo(LICENCE);
      for (JsonNode file : dataset.path("distribution")) {
        assertThat(file.path("downloadURL").asText()).startsWith("http://localhost:8080/api/public/");
        assertThat(file.path("mediaType").asText()).isIn("application/json", "text/csv");
      }
      assertThat(catalogue.getResource(id).hasProperty(RDF.type, DCAT.Dataset)).as(id + " in the DCAT catalogue").isTrue();
    }
    assertThat(identifiers).hasSameSizeAs(catalogue.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList());
  }

  @Test
  void theLicenceIsStatedOnEveryPageInTheOpenApiAndOnTheDatosAbiertosPage() {
    driver.startAtStep("bcn", 2);
    Answer page = http.get("/micrositio/datos-abiertos");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<h1>Datos abiertos</h1>", "id=\"ejercicios\"", "id=\"compromisos-bcn\"",
        "href=\"" + LICENCE + "\" rel=\"license\"", "Términos de Libre Uso MX", "/api/public/catalogo.jsonld",
        "/api/public/catalogo.ttl", "/data.json", "http://localhost:8080/api/public/exercises/bcn/commitments.csv",
        "id=\"titulo-por-entidad\"", "id=\"entidad-bcn\"", "id=\"informes-bcn\"", "id=\"evidencia-bcn\"",
        "http://localhost:8080/api/public/exercises/bcn/reports.csv",
        "http://localhost:8080/api/public/exercises/bcn/evidence.csv", "id=\"ejercicios-bcn\"", "id=\"actividades-bcn\"",
        "id=\"evaluaciones-bcn\"", "id=\"actividades-nacional\"", "id=\"evaluaciones-nacional\"",
        "http://localhost:8080/api/public/exercises/bcn/exercises.csv",
        "http://localhost:8080/api/public/exercises/bcn/activities.csv",
        "http://localhost:8080/api/public/exercises/bcn/assessments.csv", "http://localhost:8080/api/public/activities.csv",
        "http://localhost:8080/api/public/assessments.csv", "id=\"diccionario-actividades\"",
        "id=\"diccionario-evaluaciones\"");
    for (String path : List.of("/micrositio", "/micrositio/bcn", "/micrositio/datos-abiertos")) {
      String html = http.get(path).body();
      assertThat(html).as(path).contains(
          "<link rel=\"alternate\" type=\"application/ld+json\" href=\"/api/public/catalogo.jsonld\"",
          "class=\"pie-licencia\"", "href=\"" + LICENCE + "\" rel=\"license\"", "href=\"/micrositio/datos-abiertos\"");
    }
    assertThat(http.get("/micrositio").header("Access-Control-Allow-Origin")).as("pages stay closed").isNull();
    // The Link header's title is the licence's name, as RFC 8288 wants a non-ASCII one: in title*, per RFC 8187.
    String link = http.get("/data.json").header("Link");
    assertThat(link).isEqualTo(LINK).matches("\\p{ASCII}+");
    String encoded = link.substring(link.indexOf("title*=UTF-8''") + "title*=UTF-8''".length());
    assertThat(java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("Términos de Libre Uso MX");
    OpenDataTerms.Licence quoted = new OpenDataTerms.Licence("Licencia \"Ñandú\" 2.0 (México)", LICENCE);
    assertThat(OpenDataHeadersFilter.licenceLink(quoted)).isEqualTo("<" + LICENCE + ">; rel=\"license\"; "
        + "title=\"Licencia 'Nandu' 2.0 (Mexico)\"; title*=UTF-8''Licencia%20%22%C3%91and%C3%BA%22%202.0%20%28M%C3%A9xico%29");
    JsonNode openApi = http.get("/v3/api-docs").json();
    assertThat(openApi.path("info").path("license").path("name").asText()).isEqualTo("Términos de Libre Uso MX");
    assertThat(openApi.path("info").path("license").path("url").asText()).isEqualTo(LICENCE);
  }

  private static Model parse(String body, Lang lang) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.create().fromString(body).lang(lang).parse(model);
    return model;
  }

  private static Resource only(List<Resource> resources) {
    assertThat(resources).hasSize(1);
    return resources.get(0);
  }

  /** The value of a Spanish literal (language tag "es"). */
  private static String spanish(Resource subject, Property property) {
    RDFNode node = subject.getProperty(property).getObject();
    assertThat(node.asLiteral().getLanguage()).as(property.getLocalName() + " in Spanish").isEqualTo("es");
    return node.asLiteral().getString();
  }
}
