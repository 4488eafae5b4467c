package mx.cocreacion.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One all-day event of a calendar feed. {@code uid} names the item (a task, a milestone of an exercise), never
 * its date, so a calendar client replaces the event when the date moves; {@code lastModified} is when the item
 * last changed, when that is known (else null).
 */
public record CalendarEvent(String uid, LocalDate date, String summary, String description, String url,
    Instant lastModified) {}
