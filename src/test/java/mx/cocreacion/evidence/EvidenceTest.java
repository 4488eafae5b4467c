package mx.cocreacion.evidence;

import static mx.cocreacion.support.Http.pdf;
import static mx.cocreacion.support.TestVariables.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import mx.cocreacion.followup.CommitmentImplementationProcess;
import mx.cocreacion.followup.FollowUpProcess;
import mx.cocreacion.followup.GenerateFinalReportDelegate;
import mx.cocreacion.followup.RecordMonitoringDelegate;
import mx.cocreacion.pal.GeneratePalDocumentDelegate;
import mx.cocreacion.support.Http;
import mx.cocreacion.support.Http.Answer;
import mx.cocreacion.support.ProcessTestSupport;
import mx.cocreacion.support.TestVariables;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Evidence: captured when produced (File variables, links, task attachments, generated PDFs),
 * listed and served by the microsite per tenant, and refused at upload when not allowed.
 */
class EvidenceTest extends ProcessTestSupport {

  /** A real 1×1 PNG. */
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

  @LocalServerPort int port;
  @Autowired EvidenceCatalogue catalogue;
  @Autowired EvidenceRepository repository;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  @Test
  void declarationDocumentIsEvidenceOfStepOne() {
    ProcessInstance exercise = driver.start("oax");
    Task task = driver.tasks(exercise, "sign-declaration").get(0);
    engine.getTaskService().complete(task.getId(), TestVariables.signDeclaration("Ana Ruiz")
        .putValueTyped("declarationDocument", Variables.fileValue("declaración firmada.pdf").file(pdf(3000)).create()));

    assertThat(catalogue.list("oax", exercise.getId())).singleElement().satisfies(item -> {
      assertThat(item.step()).isEqualTo(1);
      assertThat(item.source()).startsWith("Declaración conjunta — firma de ");
      assertThat(item.name()).isEqualTo("declaración firmada.pdf");
      assertThat(item.contentType()).isEqualTo("application/pdf");
      assertThat(item.size()).isEqualTo(3000);
      assertThat(item.url()).isEqualTo("/micrositio/oax/evidencia/" + item.id());
    });
  }

  @Test
  void progressReportFileLinkAndAttachmentsAreCapturedAndServedOnlyToTheirTenant() throws Exception {
    ProcessInstance exercise = driver.startAtStep("oax", 6);
    Task report = reportTask(exercise, 1);
    var tasks = engine.getTaskService();
    tasks.createAttachment("image/png", report.getId(), null, "foto-sesion.png", "Foto", new ByteArrayInputStream(PNG));
    tasks.createAttachment("url", report.getId(), null, "Video de la sesión", null, "https://video.example.mx/sesion");
    tasks.createAttachment("text/plain", report.getId(), null, "notas.pdf", null,
        new ByteArrayInputStream("solo texto".getBytes(StandardCharsets.UTF_8)));
    byte[] minuta = pdf(4096);
    tasks.complete(report.getId(), Variables.createVariables()
        .putValueTyped("activityProgress", json("[{\"activity\":1,\"status\":\"done\"}]"))
        .putValue("evidenceUrl", "https://transparencia.oaxaca.gob.mx/avance")
        .putValueTyped("evidence", Variables.fileValue("minuta.pdf").file(minuta).create()));

    List<EvidenceItem> items = catalogue.list("oax", exercise.getId()).stream().filter(i -> i.step() == 6).toList();
    String source = "Informe de avance 1 — Compromiso 1: Presupuesto abierto";
    assertThat(items).extracting(EvidenceItem::source, EvidenceItem::name, EvidenceItem::contentType)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(source, "minuta.pdf", "application/pdf"),
            org.assertj.core.groups.Tuple.tuple(source, null, null),
            org.assertj.core.groups.Tuple.tuple("Anexo de «Informar avance del compromiso: 1. Presupuesto abierto»: foto-sesion.png — Foto",
                "foto-sesion.png", "image/png"),
            org.assertj.core.groups.Tuple.tuple("Anexo de «Informar avance del compromiso: 1. Presupuesto abierto»: Video de la sesión", null, null));
    assertThat(items).filteredOn(i -> i.contentType() == null).extracting(EvidenceItem::url)
        .containsExactlyInAnyOrder("https://transparencia.oaxaca.gob.mx/avance", "https://video.example.mx/sesion");

    // A second report without a file publishes no file again.
    execute(timer(driver.implementation(exercise, 1), CommitmentImplementationProcess.EVENT_NEXT_REPORT_DUE));
    tasks.complete(reportTask(exercise, 1).getId(), Variables.createVariables()
        .putValueTyped("activityProgress", json("[{\"activity\":2,\"status\":\"in-progress\"}]")));
    assertThat(catalogue.list("oax", exercise.getId()).stream().filter(i -> i.step() == 6)).hasSize(4);

    // Download: the same bytes, the type from the content, inline, no sniffing.
    EvidenceItem file = items.stream().filter(i -> "minuta.pdf".equals(i.name())).findFirst().orElseThrow();
    Answer ok = http.get(file.url());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline;").contains("filename*=UTF-8''minuta.pdf");
    assertThat(ok.bytes()).isEqualTo(minuta);
    EvidenceItem png = items.stream().filter(i -> "foto-sesion.png".equals(i.name())).findFirst().orElseThrow();
    assertThat(http.get(png.url()).headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(http.get(png.url()).bytes()).isEqualTo(PNG);

    // Another entidad: nothing listed, nothing served; unknown ids and links are 404 too.
    assertThat(catalogue.list("jal", exercise.getId())).isEmpty();
    assertThat(http.get("/micrositio/jal/evidencia/" + file.id()).status()).isEqualTo(404);
    assertThat(http.get("/micrositio/oax/evidencia/" + UUID.randomUUID()).status()).isEqualTo(404);
    String linkId = items.stream().filter(i -> i.contentType() == null).findFirst().orElseThrow().id();
    assertThat(http.get("/micrositio/oax/evidencia/" + linkId).status()).isEqualTo(404);
  }

  @Test
  void thePalDocumentIsGeneratedAfterSchedulingAndTheFinalReportAfterTheEvaluation() throws Exception {
    ProcessInstance exercise = driver.startAtStep("cam", 6);
    EvidenceItem pal = catalogue.list("cam", exercise.getId()).stream()
        .filter(i -> GeneratePalDocumentDelegate.SOURCE.equals(i.source())).findFirst().orElseThrow();
    assertThat(pal.step()).isEqualTo(5);
    assertThat(pal.contentType()).isEqualTo("application/pdf");
    assertThat(pal.name()).isEqualTo("plan-de-accion-local-" + exercise.getBusinessKey() + ".pdf");
    byte[] palPdf = repository.file(pal.id()).orElseThrow().content();
    assertThat(new String(palPdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text(palPdf)).contains("Plan de Acción Local", "Campeche", "Presupuesto abierto", "Obra pública vigilada",
        "Opacidad en el gasto", "ODS", "Portal de datos", "Conjuntos publicados",
        // The whole plan: who co-created it and each commitment's quality criteria.
        "Secretariado Técnico Local", "Sociedad civil, titular", "Regla de decisión: consenso",
        "Criterios de calidad: incluyente, estratégico");
    // The entidad and the exercise on one line, and no font embedded: the documents' own texts keep to the
    // characters of the standard Helvetica (PalDocuments.NO_VALUE, SEPARATOR).
    assertThat(text(palPdf)).contains("Campeche" + PalDocuments.SEPARATOR);
    assertThat(embeddedFonts(palPdf)).isEmpty();

    ProcessInstance followUp = driver.step(exercise, FollowUpProcess.KEY);
    execute(timer(followUp, FollowUpProcess.EVENT_SIX_MONTHS_AFTER_LAUNCH));
    driver.complete(exercise, FollowUpProcess.TASK_MONITOR_COMMITMENTS, Variables.createVariables()
        .putValueTyped("monitoring", json("""
            [{"commitment":1,"verifiable":true,"relevant":true,"potentialImpact":"transformative","notes":"Ambicioso"},
             {"commitment":2,"verifiable":true,"relevant":false,"potentialImpact":"moderate","notes":""}]""")));
    execute(timer(followUp, FollowUpProcess.EVENT_PAL_ENDED));
    driver.selfAssess(exercise);
    driver.complete(exercise, FollowUpProcess.TASK_EVALUATE_PERFORMANCE, Variables.createVariables()
        .putValueTyped("evaluation", json("""
            [{"commitment":1,"completion":"complete","openedGovernment":"major","notes":""},
             {"commitment":2,"completion":"limited","openedGovernment":"marginal","notes":""}]""")));

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(followUp)
        .hasPassed(FollowUpProcess.TASK_GENERATE_FINAL_REPORT).isEnded();
    EvidenceItem report = catalogue.list("cam", exercise.getId()).stream()
        .filter(i -> GenerateFinalReportDelegate.SOURCE.equals(i.source())).findFirst().orElseThrow();
    assertThat(report.step()).isEqualTo(6);
    byte[] reportPdf = http.get(report.url()).bytes();
    assertThat(new String(reportPdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    EvidenceItem monitoring = catalogue.list("cam", exercise.getId()).stream()
        .filter(i -> RecordMonitoringDelegate.SOURCE.equals(i.source())).findFirst().orElseThrow();
    assertThat(text(http.get(monitoring.url()).bytes())).contains("Informe de monitoreo", "Campeche",
        "impacto potencial: transformador", "Notas: Ambicioso");
    assertThat(text(reportPdf)).contains("Informe final", "Campeche", "Compromisos estelares: 1. Presupuesto abierto",
        "transformador", "cumplimiento completo", "cumplimiento limitado");
    assertThat(embeddedFonts(reportPdf)).isEmpty();
    assertThat(embeddedFonts(http.get(monitoring.url()).bytes())).isEmpty();
  }

  @Test
  void attachmentUploadsAreCheckedByContentOverEngineRest() throws Exception {
    ProcessInstance exercise = driver.start("oax");
    String taskId = driver.tasks(exercise, "sign-declaration").get(0).getId();
    String url = "/engine-rest/task/" + taskId + "/attachment/create";

    byte[] big = pdf(11 * 1024 * 1024);
    Answer tooBig = http.send("admin", upload(url, "informe.pdf", big));
    assertThat(tooBig.status()).isEqualTo(400);
    JsonNode error = tooBig.json();
    assertThat(error.path("type").asText()).isEqualTo("ValidationException");
    assertThat(error.path("message").asText()).contains("informe.pdf").contains("10 MB");
    assertThat(error.path("violations")).hasSize(1);

    Answer fake = http.send("admin", upload(url, "minuta.pdf", "no soy un PDF".getBytes(StandardCharsets.UTF_8)));
    assertThat(fake.status()).isEqualTo(400);
    assertThat(fake.json().path("message").asText()).contains("minuta.pdf").contains("no es PDF");
    assertThat(engine.getTaskService().getTaskAttachments(taskId)).isEmpty();

    Answer photo = http.send("admin", upload(url, "foto.png", PNG));
    assertThat(photo.status()).as(photo.body()).isEqualTo(200);
    var attachments = engine.getTaskService().getTaskAttachments(taskId);
    assertThat(attachments).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo("foto.png"));
    byte[] stored = engine.getTaskService().getTaskAttachmentContent(taskId, attachments.get(0).getId()).readAllBytes();
    assertThat(stored).isEqualTo(PNG);

    // Anonymous clients are still refused by the authentication first.
    assertThat(http.send(upload(url, "minuta.pdf", "texto".getBytes())).status()).isEqualTo(401);
  }

  @Test
  void attachmentUploadsAreCheckedOverTheTasklistApi() throws Exception {
    ProcessInstance exercise = driver.start("oax");
    String taskId = driver.tasks(exercise, "sign-declaration").get(0).getId();
    String url = Http.WEBAPP_ENGINE + "/task/" + taskId + "/attachment/create";

    // As admin logged in to Tasklist: the session's cookies and XSRF token.
    Answer fake = http.webapp("admin", upload(url, "acta.pdf", "texto".getBytes(StandardCharsets.UTF_8)));
    assertThat(fake.status()).isEqualTo(400);
    assertThat(fake.json().path("message").asText()).contains("acta.pdf");
    Answer photo = http.webapp("admin", upload(url, "foto.png", PNG));
    assertThat(photo.status()).as(photo.body()).isEqualTo(200);
    assertThat(engine.getTaskService().getTaskAttachments(taskId)).hasSize(1);
  }

  // --- helpers -------------------------------------------------------------------------------------

  /** The names of the fonts embedded in a PDF (a TrueType subset such as ABCDEF+LiberationSans). */
  private static java.util.List<String> embeddedFonts(byte[] pdf) {
    var names = new java.util.ArrayList<String>();
    var matcher = java.util.regex.Pattern.compile("/BaseFont\\s*/([A-Z]{6}\\+[^/\\s>]+)")
        .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String text(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    reader.close();
    return text.toString().replaceAll("\\s+", " ");
  }

  /** An attachment upload as the task's form sends it: name, description, type and the file. */
  private HttpRequest.Builder upload(String path, String fileName, byte[] content) {
    return http.multipart(path, fileName, "application/octet-stream", content, "attachment-name", fileName,
        "attachment-description", "Evidencia", "attachment-type", "application/octet-stream");
  }

  private Task reportTask(ProcessInstance exercise, int position) {
    return engine.getTaskService().createTaskQuery().processInstanceId(driver.implementation(exercise, position).getId())
        .taskDefinitionKey(CommitmentImplementationProcess.TASK_REPORT_PROGRESS).singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }
}
