package mx.cocreacion.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * User and password of an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8), read in one place for
 * the project's own endpoints that take Basic logins (the CSV import of commitments, the actuator); engine
 * REST reads its own through Camunda's provider.
 */
public record BasicCredentials(String user, String password) {

  private static final String SCHEME = "Basic ";

  /** Whether the header is a Basic one at all (well formed or not). */
  public static boolean isBasic(String header) {
    return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /** The credentials of a Basic header; empty when there is none or it is malformed (not Base64, no user). */
  public static Optional<BasicCredentials> of(String header) {
    if (!isBasic(header)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).trim()),
          StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? Optional.empty()
          : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + "]"; // never the password in a log
  }
}
