package mx.cocreacion.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same answers as {@link DatabaseFaultExceptionMapper} for everything outside Jersey: the project's
 * controllers (microsite, open data, CSV import, account pages), the engine REST login filter and the
 * webapps' servlet filters. A failure of the database that reaches the servlet container becomes a 503
 * (409, 400) in Spanish instead of Spring's 500 page, unless the response has already started.
 */
public class DatabaseFaultFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFaultFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      Optional<DatabaseFaults.Fault> fault = DatabaseFaults.of(e);
      if (fault.isEmpty() || response.isCommitted()) {
        throw e;
      }
      LOG.warn("Falla de la base de datos en {} respondida con {}: {}", request.getRequestURI(), fault.get().status(),
          e.toString());
      response.resetBuffer();
      response.setStatus(fault.get().status());
      if (fault.get().retryLater()) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseFaults.RETRY_AFTER_SECONDS));
      }
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(JSON.writeValueAsBytes(fault.get().body()));
    }
  }
}
