package mx.cocreacion.calendar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.tenancy.EntityCatalogue;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendar feeds (iCalendar, {@code text/calendar}):
 * <ul>
 *   <li>{@code GET /calendario/{token}.ics}: a person's feed ({@link PersonalCalendar}), opened by the secret
 *   token of their URL alone (calendar clients cannot log in), so it creates no session; never stored by a
 *   shared cache ({@code Cache-Control: private, no-store}), never sent on as a referrer
 *   ({@code security.SecurityHeadersFilter}), no CORS. A token that
 *   is not someone's current one gets a bare 404 that says nothing about why;</li>
 *   <li>{@code GET /micrositio/{tenant}/calendario.ics}: the public milestones of the entidad's current exercise
 *   ({@link CalendarMilestones}), cached like the microsite's pages
 *   ({@code microsite.PublicResponseCacheFilter}: ETag, revalidated); 404 for an entidad without exercise.</li>
 * </ul>
 */
@RestController
class CalendarFeedController {

  static final MediaType TEXT_CALENDAR = MediaType.parseMediaType(ICalendar.CONTENT_TYPE);

  private final CalendarTokens tokens;
  private final PersonalCalendar personal;
  private final CalendarMilestones milestones;

  CalendarFeedController(CalendarTokens tokens, PersonalCalendar personal, CalendarMilestones milestones) {
    this.tokens = tokens;
    this.personal = personal;
    this.milestones = milestones;
  }

  @GetMapping("/calendario/{token}.ics")
  ResponseEntity<byte[]> personal(@PathVariable String token) {
    Optional<String> user = tokens.userOf(token).filter(personal::exists);
    if (user.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
    }
    List<CalendarEvent> events = personal.events(user.get());
    String body = ICalendar.write("Mis tareas · Cocreación desde lo local",
        "Sus tareas pendientes en Tasklist y las fechas públicas de su ejercicio de cocreación.", events,
        ClockUtil.getCurrentTime().toInstant());
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header("X-Robots-Tag", "noindex")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"mis-tareas.ics\"")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/micrositio/{tenant:[a-z]+}/calendario.ics")
  ResponseEntity<byte[]> entity(@PathVariable String tenant) {
    Optional<Exercise> exercise = milestones.current(tenant);
    if (exercise.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    String name = EntityCatalogue.nameOf(tenant);
    String body = ICalendar.write("Cocreación desde lo local · " + name,
        "Fechas públicas del ejercicio de cocreación de " + name + " " + exercise.get().year()
            + ": agenda del STL, mesas de trabajo, lanzamiento, monitoreo y vigencia del PAL. "
            + milestones.micrositeUrl(tenant),
        milestones.of(exercise.get()), ClockUtil.getCurrentTime().toInstant());
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"calendario-" + tenant + ".ics\"")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }
}
