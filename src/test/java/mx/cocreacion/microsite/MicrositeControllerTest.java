package mx.cocreacion.microsite;

import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public microsite over HTTP, without login: the national overview, the page of an exercise
 * (timeline, STL without e-mails, commitments with ODS, criteria, activities and progress), the page
 * of an earlier year, and the Spanish 404 page.
 */
class MicrositeControllerTest extends ProcessTestSupport {

  @LocalServerPort int port;
  @Autowired PublicExercises publicExercises;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void overviewListsTheCurrentExerciseOfEachEntidadWithStepCommitmentsAndProgress() {
    // Started later than any other exercise of Campeche, so it is the entidad's current one.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2099-03-01T16:00:00Z")));
    ProcessInstance exercise = driver.startAtStep("cam", 6);
    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]", null);
    int year = year(exercise);

    Answer page = get("/micrositio");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"es\"", "Panorama nacional", "/webjars/chart.js/4.4.1/dist/chart.umd.js");
    String row = between(page.body(), "data-entidad=\"cam\"", "</tr>");
    assertThat(row).contains("Campeche", "href=\"/micrositio/cam\"", String.valueOf(year),
        "Seguimiento y evaluación", ">2<", "aria-valuenow=\"25\"", "25 %");
    // The chart's data is JSON written by Thymeleaf's JavaScript inlining into a JSON element (no inline script).
    assertThat(page.body()).containsPattern(
        "<script type=\"application/json\" id=\"datos-grafica\">\\[.*\\{\"entity\":\"Campeche\",\"progress\":25\\}");
    // How to reach INAI's accompaniment (institutional contact from configuration).
    assertThat(between(page.body(), "id=\"titulo-contacto\"", "</section>")).contains("Acompañamiento del INAI",
        "href=\"mailto:acompanamiento@inai.example.org\"", "https://home.inai.org.mx");
    // The chart library itself is served by the application.
    Answer chartJs = get("/webjars/chart.js/4.4.1/dist/chart.umd.js");
    assertThat(chartJs.status()).isEqualTo(200);
    assertThat(chartJs.body()).contains("Chart");
    assertThat(get("/micrositio/micrositio.css").status()).isEqualTo(200);
    assertThat(get("/micrositio/grafica.js").status()).isEqualTo(200);
  }

  /** Two exercises of an entidad started at the same instant: the overview lists the one its page serves, once. */
  @Test
  void theOverviewListsOneCurrentExercisePerEntidadEvenWhenTwoStartedAtOnce() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2099-06-01T16:00:00Z")));
    driver.startAtStep("gua", 2);
    driver.startAtStep("gua", 2);
    ClockUtil.reset();

    String overview = get("/micrositio").body();
    Matcher rows = Pattern.compile("data-entidad=\"gua\"").matcher(overview);
    int count = 0;
    while (rows.find()) {
      count++;
    }
    assertThat(count).as("rows of Guanajuato").isOne();
    int served = publicExercises.find("gua", null).orElseThrow().exercise().year();
    assertThat(between(overview, "data-entidad=\"gua\"", "</tr>")).contains(String.valueOf(served));
  }

  @Test
  void exercisePageShowsTimelineStlCommitmentsActivitiesAndProgressButNoEmails() {
    ProcessInstance exercise = driver.startAtStep("jal", 6);
    driver.reportProgress(exercise, 1, "[{\"activity\":1,\"status\":\"done\"},{\"activity\":2,\"status\":\"in-progress\"}]",
        "https://transparencia.jalisco.gob.mx/presupuesto");
    int year = year(exercise);

    Answer page = get("/micrositio/jal/" + year);

    assertThat(page.status()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("Jalisco", String.valueOf(year));
    // Timeline: steps 1–5 done, 6 current, with dates in Mexican format.
    assertThat(step(html, 6)).contains("paso-actual", "aria-current=\"step\"",
        "Seguimiento y evaluación", "Inicio del PAL", "01/02/2032", "Fin del PAL", "01/02/2033");
    assertThat(step(html, 3)).contains("paso-hecho", "Instalación del STL", "01/02/2031");
    assertThat(step(html, 5)).contains("Lanzamiento público", "01/02/2032");
    // Declaration, STL (name, sector, role), rules, agenda, working tables.
    assertThat(html).contains("Organismo garante", "Sociedad civil", "Autoridad");
    assertThat(between(html, "id=\"tabla-stl\"", "</table>")).contains("Persona titular society", "Titular", "Suplente");
    assertThat(html).contains("Consenso", "Sesiones mensuales; quórum de la mitad más uno.", "Mesas de trabajo",
        "Transparencia presupuestaria", "Obra pública", "Opacidad en el gasto");
    // The facilitator the STL chose under its rule (the driver's three titulars vote for), without e-mail.
    assertThat(html).contains("<h3>Persona facilitadora</h3>", "Laura Facilitadora",
        "Elección de las personas titulares del STL por consenso", "3 votos a favor, 0 en contra.");
    assertThat(html).doesNotContain("@stl.mx", "@mesas.mx", "@garante.mx", "@osc.mx");
    // No person's e-mail: the only addresses are the institutional contacts configured for the page's end.
    String contacts = between(html, "id=\"titulo-contacto\"", "</section>");
    assertThat(html.replace(contacts, "")).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
    assertThat(contacts).contains("Organismo garante", "Instituto de Transparencia, Información Pública",
        "href=\"mailto:gobiernoabierto@itei.example.org\"", "href=\"tel:3336305745\"", "https://www.itei.example.org",
        "Acompañamiento del INAI", "Secretaría Técnica de la Comisión Permanente", "acompanamiento@inai.example.org",
        "https://home.inai.org.mx");
    // Commitments: problem, ODS with Spanish names, criteria, activities with status, progress, reports.
    String first = between(html, "id=\"compromiso-1\"", "</article>");
    assertThat(first).contains("Presupuesto abierto", "Opacidad en el gasto", "ODS 16",
        "Paz, justicia e instituciones sólidas", "ODS 10", "Reducción de las desigualdades",
        "Incluyente", "De alto potencial transformador", "Vinculado a la agenda estatal anticorrupción",
        "Portal de datos", "Conjuntos publicados", "30/06/2032", "Concluida", "En proceso",
        "aria-valuenow=\"50\"", "Primer avance", "href=\"https://transparencia.jalisco.gob.mx/presupuesto\"");
    String second = between(html, "id=\"compromiso-2\"", "</article>");
    assertThat(second).contains("Obra pública vigilada", "Ciudades y comunidades sostenibles", "Sin iniciar",
        "aria-valuenow=\"0\"");
    assertThat(html).contains("Evidencia");
  }

  /** The seed's step 3: the STL's meeting is announced (day, place, who is convened) before it is held. */
  @Test
  void theStlMeetingIsAnnouncedBeforeItIsHeldAndRecordedAfter() {
    ProcessInstance exercise = driver.startAtStep("dur", 3);
    driver.complete(exercise, "convene-stl-meeting", TestVariables.conveneStlMeeting());

    String announced = get("/micrositio/dur").body();
    String block = between(announced, "id=\"titulo-stl\"", "</section>");
    assertThat(block).contains("Próxima reunión de instalación", "1 de febrero de 2031",
        "Sala de plenos del órgano garante", "Convocatoria:", ", y además:", "Universidad estatal; Colegio de Contadores")
        .containsPattern("los \\d+ actores locales registrados en la sensibilización")
        .contains("El Secretariado Técnico Local aún no se ha integrado.");
    assertThat(step(announced, 3)).as("not on the timeline before it happens").doesNotContain("01/02/2031");

    driver.complete(exercise, "elect-stl", TestVariables.electStl(driver.tag(exercise)));

    String held = get("/micrositio/dur").body();
    assertThat(between(held, "id=\"titulo-stl\"", "</section>")).contains("Reunión de instalación", "1 de febrero de 2031")
        .doesNotContain("Próxima reunión");
    assertThat(step(held, 3)).contains("01/02/2031");
  }

  /** Step 4: the tables the STL planned are announced until they are held. */
  @Test
  void plannedTablesAreAnnouncedUntilTheyAreHeld() {
    ProcessInstance exercise = driver.startAtStep("nle", 4);
    driver.complete(exercise, "plan-working-tables", TestVariables.planWorkingTables("Agua potable", "Movilidad"));
    String path = "/micrositio/nle/" + year(exercise);

    String announced = between(get(path).body(), "id=\"titulo-mesas\"", "</section>");
    assertThat(announced).contains("Mesas convocadas", "Agua potable", "Movilidad", "Aún no se han celebrado");

    engine.getTaskService().complete(driver.tasks(exercise, "hold-working-table").get(0).getId(),
        TestVariables.holdWorkingTable());
    String afterOne = between(get(path).body(), "id=\"titulo-mesas\"", "</section>");
    String stillAnnounced = between(afterOne, "id=\"mesas-convocadas\"", "</ul>");
    assertThat(stillAnnounced).as("one table held, the other still announced").containsAnyOf("Agua potable", "Movilidad")
        .satisfies(text -> assertThat(text.contains("Agua potable") && text.contains("Movilidad")).isFalse());
    assertThat(afterOne).contains("Problemas identificados").doesNotContain("Aún no se han celebrado");

    driver.completeAll(exercise, "hold-working-table", TestVariables.holdWorkingTable());
    assertThat(get(path).body()).doesNotContain("Mesas convocadas");
  }

  @Test
  void currentExerciseAndEarlierYearsAreLinked() {
    ProcessInstance earlier = driver.startAtStep("oax", 2);
    ProcessInstance later = driver.startAtStep("oax", 3);
    int earlierYear = year(earlier);
    int laterYear = year(later);

    Answer earlierPage = get("/micrositio/oax/" + earlierYear);
    assertThat(earlierPage.status()).isEqualTo(200);
    assertThat(step(earlierPage.body(), 2)).contains("paso-actual");
    assertThat(earlierPage.body()).contains("href=\"/micrositio/oax/" + laterYear + "\"");

    Answer current = get("/micrositio/oax");
    assertThat(current.status()).isEqualTo(200);
    int currentYear = publicExercises.find("oax", null).orElseThrow().exercise().year();
    assertThat(current.body()).contains("<span class=\"anio\">" + currentYear + "</span>");
    assertThat(current.body()).contains("href=\"/micrositio/oax/" + earlierYear + "\"");
  }

  @Test
  void unknownEntidadOrYearGivesTheSpanishNotFoundPage() {
    for (String path : new String[] {"/micrositio/xyz", "/micrositio/oax/1999", "/micrositio/oax/abc",
        "/micrositio/oax/12345", "/micrositio/%3Cscript%3E"}) {
      Answer page = get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).contains("<html lang=\"es\"", "Página no encontrada", "href=\"/micrositio\"");
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  static int year(ProcessInstance exercise) {
    String key = exercise.getBusinessKey();
    return Integer.parseInt(key.substring(key.indexOf('-') + 1));
  }

  /** A page as a browser asks for it. */
  private Answer get(String path) {
    return http.send(http.request(path).header("Accept", "text/html").GET());
  }

  /** The timeline item of step {@code n}: its {@code <li>} tag and body. */
  static String step(String html, int n) {
    Matcher m = Pattern.compile("<li[^>]*data-paso=\"" + n + "\"[^>]*>.*?</div>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("step " + n + " in the timeline").isTrue();
    return m.group();
  }

  /** The text from {@code start} to the next {@code end} (the part of the page one element spans). */
  static String between(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as("«" + start + "» in the page").isGreaterThanOrEqualTo(0);
    int to = html.indexOf(end, from);
    return html.substring(from, to < 0 ? html.length() : to);
  }
}
