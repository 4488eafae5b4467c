package mx.cocreacion.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import mx.cocreacion.validation.EvidenceFiles;

/**
 * The media type of an evidence file, from its content (never from its name): PDF, PNG, JPEG, the
 * OpenDocument type named in its {@code mimetype} entry, or the Office Open XML type of its main
 * part ({@code word/}, {@code xl/}, {@code ppt/}). Empty when {@link EvidenceFiles} would refuse it.
 */
public final class EvidenceContentTypes {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";

  private EvidenceContentTypes() {}

  /** The media type of an allowed evidence file (≤ 10 MB, allowed kind); empty otherwise. */
  public static Optional<String> of(byte[] bytes) {
    if (bytes == null || bytes.length > EvidenceFiles.MAX_BYTES) {
      return Optional.empty();
    }
    return EvidenceFiles.kind(bytes).map(kind -> switch (kind) {
      case "pdf" -> PDF;
      case "png" -> "image/png";
      case "jpeg" -> "image/jpeg";
      case "odf" -> zipType(bytes, true);
      default -> zipType(bytes, false);
    });
  }

  private static String zipType(byte[] bytes, boolean odf) {
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null && entries++ < 2000) {
        String name = entry.getName();
        if (odf && name.equals("mimetype")) {
          String mime = new String(zip.readNBytes(200), StandardCharsets.US_ASCII).trim();
          if (mime.matches("application/vnd\\.oasis\\.opendocument\\.[a-z.-]+")) {
            return mime;
          }
        }
        if (!odf && name.startsWith("word/")) {
          return DOCX;
        }
        if (!odf && name.startsWith("xl/")) {
          return XLSX;
        }
        if (!odf && name.startsWith("ppt/")) {
          return PPTX;
        }
      }
    } catch (IOException e) {
      // fall through to the generic type
    }
    return odf ? ODT : "application/octet-stream";
  }
}
