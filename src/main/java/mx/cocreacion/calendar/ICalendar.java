package mx.cocreacion.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an iCalendar object (RFC 5545) of all-day events: {@code VCALENDAR} with {@code METHOD:PUBLISH} and one
 * {@code VEVENT} per event ({@code DTSTART;VALUE=DATE} and the next day as {@code DTEND}, transparent: a deadline
 * does not make the person busy). Text values are escaped (backslash, semicolon, comma, line breaks) and every
 * content line is folded at 75 octets of UTF-8 without splitting a character; lines end in CRLF.
 */
final class ICalendar {

  static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
  static final String PRODID = "-//Cocreación desde lo local//Calendario//ES";

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private ICalendar() {}

  /** The calendar named {@code name} with {@code events}, stamped {@code stamp} (when this copy was made). */
  static String write(String name, String description, List<CalendarEvent> events, Instant stamp) {
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + PRODID);
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    line(out, "X-WR-CALDESC:" + text(description));
    // How often a subscribed client should read the feed again (RFC 7986 and its older Microsoft spelling).
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line(out, "X-PUBLISHED-TTL:PT1H");
    String dtstamp = UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS));
    for (CalendarEvent e : events) {
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + text(e.uid()));
      line(out, "DTSTAMP:" + dtstamp);
      line(out, "DTSTART;VALUE=DATE:" + DAY.format(e.date()));
      line(out, "DTEND;VALUE=DATE:" + DAY.format(e.date().plusDays(1)));
      line(out, "SUMMARY;LANGUAGE=es:" + text(e.summary()));
      if (e.description() != null) {
        line(out, "DESCRIPTION;LANGUAGE=es:" + text(e.description()));
      }
      if (e.url() != null) {
        line(out, "URL:" + e.url());
      }
      if (e.lastModified() != null) {
        line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified().truncatedTo(ChronoUnit.SECONDS)));
      }
      line(out, "TRANSP:TRANSPARENT");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as {@code \n}. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\r' -> {
          out.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> out.append("\\n");
        default -> {
          // Other control characters are not allowed in a TEXT value (tab is).
          if (c >= 0x20 && c != 0x7f || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Appends one content line, folded (RFC 5545 3.1): at most 75 octets per line, continuations start with a space. */
  static void line(StringBuilder out, String content) {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_OCTETS) {
        out.append("\r\n ");
        octets = 1; // the continuation's leading space
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
