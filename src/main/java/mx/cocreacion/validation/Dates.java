package mx.cocreacion.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/** Dates as people and clients send them: Camunda Date values or ISO 8601 strings. */
public final class Dates {

  /** Dates without time (forms send {@code 2031-03-01}) are days in Mexico City. */
  public static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

  private static final DateTimeFormatter CAMUNDA_REST =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

  private Dates() {}

  /** Parses a Date value or an ISO 8601 date / date-time string; empty when it is neither. */
  public static Optional<Instant> parse(Object value) {
    if (value instanceof Date d) {
      return Optional.of(d.toInstant());
    }
    if (!(value instanceof String s) || s.isBlank()) {
      return Optional.empty();
    }
    String text = s.trim();
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).atStartOfDay(MEXICO).toInstant());
      }
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(OffsetDateTime.parse(text, CAMUNDA_REST).toInstant());
        } catch (DateTimeParseException e2) {
          return Optional.of(LocalDateTime.parse(text).atZone(MEXICO).toInstant());
        }
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public static LocalDate localDate(Instant instant) {
    return instant.atZone(MEXICO).toLocalDate();
  }
}
