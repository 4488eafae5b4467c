package mx.cocreacion.evidence;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public download of evidence files ({@code GET /micrositio/{tenant}/evidencia/{id}}): the stored
 * bytes with the content type found in their content, shown inline, never sniffed by the browser.
 * 404 for an unknown id and for an id of another entidad's exercise (the same answer, so nothing leaks).
 */
@RestController
class EvidenceController {

  private final EvidenceCatalogue catalogue;

  EvidenceController(EvidenceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/micrositio/{tenant}/evidencia/{id}")
  ResponseEntity<byte[]> download(@PathVariable String tenant, @PathVariable String id) {
    return catalogue.file(tenant, id)
        .map(file -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
            .contentLength(file.content().length)
            .body(file.content()))
        .orElseGet(() -> ResponseEntity.notFound().header("X-Content-Type-Options", "nosniff").build());
  }
}
