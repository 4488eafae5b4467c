package mx.cocreacion.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import mx.cocreacion.support.Http.Answer;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Calendar feeds read back as a calendar client reads them (ical4j, strict parsing). */
public final class Feeds {

  private Feeds() {}

  /** The calendar of {@code text}; fails when ical4j cannot parse or validate it. */
  public static Calendar parse(String text) {
    try {
      Calendar calendar = new CalendarBuilder().build(new StringReader(text));
      calendar.validate();
      return calendar;
    } catch (Exception e) {
      throw new AssertionError("Not a valid iCalendar object: " + e + "\n" + text, e);
    }
  }

  /** The events of a feed answer by UID, after checking the answer is a calendar. */
  public static Map<String, VEvent> events(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=utf-8");
    return events(parse(answer.body()));
  }

  public static Map<String, VEvent> events(Calendar calendar) {
    Map<String, VEvent> events = new LinkedHashMap<>();
    for (Component c : calendar.getComponents(Component.VEVENT)) {
      VEvent e = (VEvent) c;
      String uid = e.getUid().orElseThrow().getValue();
      assertThat(events).as("UIDs are unique").doesNotContainKey(uid);
      events.put(uid, e);
    }
    return events;
  }

  /** A property's value (unescaped by ical4j), or null. */
  public static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  /** The event's day as iCalendar writes it (yyyyMMdd), checking it is an all-day event. */
  public static String day(VEvent event) {
    Property start = event.getProperty(Property.DTSTART).orElseThrow();
    assertThat(start.getParameter("VALUE").map(p -> p.getValue()).orElse(null)).isEqualTo("DATE");
    return start.getValue();
  }
}
