package mx.cocreacion.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates shown to people: Mexican format, Mexico City time, whatever the server's zone. */
class MexicanDatesTest {

  @Test
  void dateAndTimeAreInMexicoCityTime() {
    // 23:30 UTC is 17:30 in Mexico City (UTC-6 all year since 2022).
    assertThat(MexicanDates.dateTime(Instant.parse("2026-11-24T23:30:00Z"))).isEqualTo("24/11/2026 17:30");
    // 03:00 UTC of the 25th is still the 24th in Mexico City.
    assertThat(MexicanDates.date(Instant.parse("2026-11-25T03:00:00Z"))).isEqualTo("24/11/2026");
    assertThat(MexicanDates.longDate(Instant.parse("2026-11-25T03:00:00Z"))).isEqualTo("24 de noviembre de 2026");
    // In summer too (no daylight saving time any more).
    assertThat(MexicanDates.dateTime(Instant.parse("2031-07-01T12:05:00Z"))).isEqualTo("01/07/2031 06:05");
  }

  @Test
  void daysAreWrittenTheMexicanWay() {
    assertThat(MexicanDates.date(LocalDate.of(2032, 2, 1))).isEqualTo("01/02/2032");
    assertThat(MexicanDates.longDate(LocalDate.of(2032, 2, 1))).isEqualTo("1 de febrero de 2032");
    assertThat(MexicanDates.longDate(LocalDate.of(2032, 9, 30))).isEqualTo("30 de septiembre de 2032");
  }

  @Test
  void aDayWithoutTimeIsADayInMexicoCity() {
    Instant midnight = Dates.parse("2031-03-01").orElseThrow();
    assertThat(MexicanDates.date(midnight)).isEqualTo("01/03/2031");
    assertThat(MexicanDates.dateTime(midnight)).isEqualTo("01/03/2031 00:00");
  }
}
