package mx.cocreacion.microsite;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.List;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Atom feeds of what changed, read by a real Atom parser (ROME) as a feed reader reads them: valid Atom 1.0
 * with id, title and updated on the feed and every entry; the exercise's start, launch, reports and evidence as
 * entries, newest first; ids that do not change between reads, so a reader shows each change once; the national
 * feed with every entidad's; open to other origins; linked from the pages.
 */
class ChangeFeedTest extends ProcessTestSupport {

  @LocalServerPort int port;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void anEntidadsFeedTellsWhatChangedWithStableIds() throws Exception {
    ProcessInstance exercise = driver.startAtStep("pue", 6);
    String key = exercise.getBusinessKey();

    Answer first = http.get("/micrositio/pue/novedades.atom");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Content-Type")).startsWith("application/atom+xml");
    assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
    Feed before = atom(first.body());
    assertThat(before.getTitle()).isEqualTo("Novedades de Puebla — Cocreación desde lo local");
    assertThat(before.getEntries()).extracting(Entry::getTitle).anySatisfy(t -> assertThat(t).endsWith(
        ": inicia el ejercicio de cocreación")).anySatisfy(t -> assertThat(t).endsWith(": lanzamiento público del PAL"))
        .anySatisfy(t -> assertThat(t).contains("nueva evidencia — Acta de la reunión de elección del STL"));

    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        "https://transparencia.puebla.gob.mx/avance");
    Feed after = atom(http.get("/micrositio/pue/novedades.atom").body());
    List<String> ids = after.getEntries().stream().map(Entry::getId).toList();
    assertThat(ids).doesNotHaveDuplicates().containsAll(before.getEntries().stream().map(Entry::getId).toList())
        .contains("tag:cocreacion.mx,2026:" + key + ":c1:informe-1");
    assertThat(after.getEntries()).anySatisfy(e -> {
      assertThat(e.getId()).isEqualTo("tag:cocreacion.mx,2026:" + key + ":c1:informe-1");
      assertThat(e.getTitle()).endsWith("informe de avance 1 del compromiso 1. Presupuesto abierto");
      assertThat(e.getSummary().getValue()).contains("Avance del compromiso: 50 %");
    });
    for (int i = 1; i < after.getEntries().size(); i++) {
      assertThat(after.getEntries().get(i - 1).getUpdated()).as("newest first")
          .isAfterOrEqualTo(after.getEntries().get(i).getUpdated());
    }
    assertThat(after.getUpdated()).isEqualTo(after.getEntries().get(0).getUpdated());

    Feed national = atom(http.get("/micrositio/novedades.atom").body());
    assertThat(national.getEntries()).hasSizeLessThanOrEqualTo(ChangeFeed.MAX_ENTRIES);
    assertThat(http.get("/micrositio/pue").body()).contains("href=\"/micrositio/pue/novedades.atom\"",
        "href=\"/micrositio/novedades.atom\"");
    assertThat(http.get("/micrositio/zzz/novedades.atom").status()).isEqualTo(404);
  }

  /** Parses Atom 1.0 and checks what RFC 4287 requires of the feed and each entry. */
  private static Feed atom(String xml) throws Exception {
    Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    assertThat(feed.getId()).isNotBlank();
    assertThat(feed.getTitle()).isNotBlank();
    assertThat(feed.getUpdated()).isNotNull();
    assertThat(feed.getAuthors()).isNotEmpty();
    assertThat(feed.getOtherLinks().stream().map(Link::getRel).toList()).contains("self");
    for (Entry entry : feed.getEntries()) {
      assertThat(entry.getId()).startsWith("tag:cocreacion.mx,2026:");
      assertThat(entry.getTitle()).isNotBlank();
      assertThat(entry.getUpdated()).isNotNull();
      assertThat(entry.getAlternateLinks()).isNotEmpty();
    }
    return feed;
  }
}
