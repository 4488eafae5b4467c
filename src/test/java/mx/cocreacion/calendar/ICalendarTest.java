package mx.cocreacion.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar writer: what ical4j reads back is what was written, whatever the text holds. */
class ICalendarTest {

  static final Instant STAMP = Instant.parse("2031-05-04T10:15:30Z");

  @Test
  void escapesCommasSemicolonsBackslashesAndLineBreaks() {
    String summary = "Mesa: agua, drenaje; y \"obra\" pública \\ fase 2";
    String description = "Primera línea,\nsegunda; línea\r\ntercera\rcuarta\\n literal";
    String text = ICalendar.write("Nombre, con; signos", "Descripción\ncon salto",
        List.of(new CalendarEvent("tarea-1@cocreacion.mx", LocalDate.of(2031, 5, 6), summary, description,
            "https://cocreacion.example.org/micrositio/jal", Instant.parse("2031-05-01T08:00:00Z"))), STAMP);

    assertThat(text).contains("SUMMARY;LANGUAGE=es:Mesa: agua\\, drenaje\\; y \"obra\" pública \\\\ fase 2\r\n");
    Calendar calendar = Feeds.parse(text);
    VEvent event = Feeds.events(calendar).get("tarea-1@cocreacion.mx");
    assertThat(Feeds.value(event, "SUMMARY")).isEqualTo(summary);
    assertThat(Feeds.value(event, "DESCRIPTION")).isEqualTo("Primera línea,\nsegunda; línea\ntercera\ncuarta\\n literal");
    assertThat(Feeds.day(event)).isEqualTo("20310506");
    assertThat(Feeds.value(event, "DTEND")).isEqualTo("20310507");
    assertThat(Feeds.value(event, "DTSTAMP")).isEqualTo("20310504T101530Z");
    assertThat(Feeds.value(event, "LAST-MODIFIED")).isEqualTo("20310501T080000Z");
    assertThat(Feeds.value(event, "URL")).isEqualTo("https://cocreacion.example.org/micrositio/jal");
    assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Nombre, con; signos");
    assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
  }

  @Test
  void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
    String summary = "Instalación del Secretariado Técnico Local · Ciudad de México 2031 · ñandú ü 🎉 ".repeat(6).strip();
    String text = ICalendar.write("Calendario", "", List.of(new CalendarEvent("hito@cocreacion.mx",
        LocalDate.of(2031, 1, 31), summary, "á".repeat(200), null, null)), STAMP);

    for (String line : text.split("\r\n", -1)) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
      assertThat(line).doesNotContain("\uFFFD");
    }
    assertThat(text).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n").contains("\r\n ");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    Map<String, VEvent> events = Feeds.events(Feeds.parse(text));
    assertThat(Feeds.value(events.get("hito@cocreacion.mx"), "SUMMARY")).isEqualTo(summary);
    assertThat(Feeds.value(events.get("hito@cocreacion.mx"), "DESCRIPTION")).isEqualTo("á".repeat(200));
  }

  @Test
  void dropsControlCharactersAValueMayNotHold() {
    assertThat(ICalendar.text("a\u0000b\u0007c\td\u007f")).isEqualTo("abc\td");
  }
}
