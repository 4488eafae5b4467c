package mx.cocreacion.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way dates are shown to people (e-mails, task forms, microsite, PDF documents): Mexican
 * format in the time zone of Mexico City, whatever the server's zone. Short: {@code 24/11/2026},
 * with time {@code 24/11/2026 17:30}; long: {@code 24 de noviembre de 2026}.
 */
public final class MexicanDates {

  public static final ZoneId ZONE = Dates.MEXICO;
  public static final Locale LOCALE = Locale.forLanguageTag("es-MX");

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", LOCALE);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", LOCALE);
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", LOCALE);

  private MexicanDates() {}

  /** {@code 24/11/2026 17:30} (Mexico City time). */
  public static String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(ZONE));
  }

  /** {@code 24/11/2026}: the day in Mexico City. */
  public static String date(Instant instant) {
    return date(Dates.localDate(instant));
  }

  /** {@code 24/11/2026}. */
  public static String date(LocalDate date) {
    return DATE.format(date);
  }

  /** {@code 24 de noviembre de 2026}: the day in Mexico City. */
  public static String longDate(Instant instant) {
    return longDate(Dates.localDate(instant));
  }

  /** {@code 24 de noviembre de 2026}. */
  public static String longDate(LocalDate date) {
    return LONG_DATE.format(date);
  }
}
