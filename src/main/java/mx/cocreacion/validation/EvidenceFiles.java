package mx.cocreacion.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Evidence files (contract, "Evidence"): at most 10 MB, and PDF, PNG, JPEG, ODF or OOXML by their
 * content (magic bytes and, for the ZIP-based formats, their manifest), never by the file name.
 */
public final class EvidenceFiles {

  public static final int MAX_BYTES = 10 * 1024 * 1024;

  private EvidenceFiles() {}

  /** Checks an optional File variable; reports into {@code input}. */
  public static void check(TaskInput input, String field, TypedValue value) {
    if (value == null || value.getValue() == null) {
      return;
    }
    if (!(value instanceof FileValue file)) {
      input.reject(field, "debe ser un archivo");
      return;
    }
    byte[] bytes;
    try (InputStream in = file.getValue()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      input.reject(field, "no se pudo leer el archivo");
      return;
    }
    if (bytes.length > MAX_BYTES) {
      input.reject(field, "el archivo «" + file.getFilename() + "» pesa más de 10 MB");
    } else if (kind(bytes).isEmpty()) {
      input.reject(field, "el archivo «" + file.getFilename()
          + "» no es PDF, PNG, JPEG, OpenDocument ni Office Open XML (se revisa su contenido, no su nombre)");
    }
  }

  /** The kind of document, from its content: pdf, png, jpeg, odf or ooxml. */
  public static Optional<String> kind(byte[] bytes) {
    if (starts(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("pdf");
    }
    if (starts(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of("png");
    }
    if (starts(bytes, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of("jpeg");
    }
    if (starts(bytes, new byte[] {'P', 'K', 3, 4})) {
      return zipKind(bytes);
    }
    return Optional.empty();
  }

  private static Optional<String> zipKind(byte[] bytes) {
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null && entries++ < 2000) {
        if (entry.getName().equals("mimetype")) {
          String mime = new String(zip.readNBytes(200), StandardCharsets.US_ASCII);
          if (mime.startsWith("application/vnd.oasis.opendocument.")) {
            return Optional.of("odf");
          }
        }
        if (entry.getName().equals("[Content_Types].xml")) {
          return Optional.of("ooxml");
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
  }
}
