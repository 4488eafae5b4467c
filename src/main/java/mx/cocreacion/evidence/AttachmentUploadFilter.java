package mx.cocreacion.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.cocreacion.validation.EvidenceFiles;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task attachments that are not valid evidence when they are uploaded, over engine REST
 * ({@code POST /engine-rest/task/{id}/attachment/create}) and the Tasklist API
 * ({@code POST /camunda/api/engine/engine/default/task/{id}/attachment/create}): a multipart
 * {@code content} part over 10 MB, or whose content is not PDF, PNG, JPEG, ODF or OOXML, gets a
 * 400 with a Spanish message naming the file and the rule. Everything else passes untouched: the
 * body is buffered and handed on, so the engine's resource reads the same multipart request.
 */
public class AttachmentUploadFilter extends OncePerRequestFilter {

  static final Pattern ATTACHMENT_CREATE = Pattern.compile(
      "^(/engine-rest|/engine-rest/engine/[^/]+|/camunda/api/engine/engine/[^/]+)/task/[^/;]+/attachment/create/?(;.*)?$");
  /** A request larger than this is refused without buffering more (the file alone may be 10 MB). */
  static final int MAX_REQUEST_BYTES = EvidenceFiles.MAX_BYTES + 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return !"POST".equalsIgnoreCase(request.getMethod())
        || contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")
        || !ATTACHMENT_CREATE.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String boundary = boundary(request.getContentType());
    boolean tooLarge = request.getContentLengthLong() > MAX_REQUEST_BYTES;
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      // Too large: read only the start, where the part's headers name the file.
      body = in.readNBytes(tooLarge ? 64 * 1024 : MAX_REQUEST_BYTES + 1);
    }
    tooLarge = tooLarge || body.length > MAX_REQUEST_BYTES;
    Optional<Part> content = boundary == null ? Optional.empty() : contentPart(body, boundary);
    if (tooLarge) {
      refuse(response, content.map(AttachmentUploadFilter::name).orElse("archivo"), "pesa más de 10 MB");
      return;
    }
    if (content.isPresent()) {
      Part part = content.get();
      String name = name(part);
      if (part.length() > EvidenceFiles.MAX_BYTES) {
        refuse(response, name, "pesa más de 10 MB");
        return;
      }
      if (part.length() >= 0) {
        byte[] bytes = new byte[part.length()];
        System.arraycopy(body, part.start(), bytes, 0, part.length());
        if (EvidenceFiles.kind(bytes).isEmpty()) {
          refuse(response, name,
              "no es PDF, PNG, JPEG, OpenDocument ni Office Open XML (se revisa su contenido, no su nombre)");
          return;
        }
      }
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  private static void refuse(HttpServletResponse response, String fileName, String rule) throws IOException {
    String message = "No se puede anexar el archivo «" + fileName + "»: " + rule;
    Map<String, Object> violation = new LinkedHashMap<>();
    violation.put("field", "content");
    violation.put("message", "el archivo «" + fileName + "» " + rule);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "ValidationException");
    body.put("message", message);
    body.put("violations", List.of(violation));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  static String boundary(String contentType) {
    Matcher m = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE).matcher(contentType);
    if (!m.find()) {
      return null;
    }
    return m.group(2) != null ? m.group(2) : m.group(1);
  }

  private static String name(Part part) {
    return part.fileName() != null && !part.fileName().isBlank() ? part.fileName() : "archivo";
  }

  /** Where the content of a part starts in the body, and its length. */
  record Part(String fileName, int start, int length) {}

  /** The part named {@code content}, located in the raw multipart body (RFC 7578). */
  static Optional<Part> contentPart(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headersStart = at + delimiter.length;
      if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
        return Optional.empty();
      }
      headersStart = skipLineBreak(body, headersStart);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        return Optional.empty();
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      int contentEnd = indexOf(body, next, contentStart);
      if ("content".equals(parameter(headers, "name"))) {
        // Without its closing delimiter (a truncated body) the length is unknown: -1.
        return Optional.of(new Part(parameter(headers, "filename"), contentStart,
            contentEnd < 0 ? -1 : contentEnd - contentStart));
      }
      if (contentEnd < 0) {
        return Optional.empty();
      }
      at = contentEnd + 2;
    }
    return Optional.empty();
  }

  private static String parameter(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-disposition:")) {
        Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + name + "=(\"([^\"]*)\"|[^;\\s]+)").matcher(line.substring(20));
        if (m.find()) {
          return m.group(2) != null ? m.group(2) : m.group(1);
        }
      }
    }
    return null;
  }

  private static int skipLineBreak(byte[] body, int at) {
    if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
      return at + 2;
    }
    return at;
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The request with its body already read: downstream reads the same bytes again. */
  static final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
