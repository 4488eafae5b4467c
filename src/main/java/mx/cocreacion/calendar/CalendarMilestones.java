package mx.cocreacion.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseAgenda;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.plan.PalCalendar;
import mx.cocreacion.tenancy.EntityCatalogue;
import mx.cocreacion.validation.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public milestones of an entidad's current exercise (its latest started) as calendar events, read from the
 * plan of record: the STL's installation, the STL's annual agenda, the planned working tables, the public launch,
 * INAI's monitoring ({@link PalCalendar}: six months after the launch), the PAL's start and end. Nothing here is
 * private: the microsite shows the same. Each event's UID names the exercise and the milestone (an agenda item
 * and a working table by their position in the plan), never the date, so a moved date replaces the event.
 */
@Service
public class CalendarMilestones {

  static final String UID_DOMAIN = "@cocreacion.mx";

  private final ExerciseRepository exercises;
  private final ExerciseAgenda agenda;
  private final PalCalendar palCalendar;
  private final String publicUrl;

  public CalendarMilestones(ExerciseRepository exercises, ExerciseAgenda agenda, PalCalendar palCalendar,
      @Value("${cocreacion.public-url:http://localhost:8080}") String publicUrl) {
    this.exercises = exercises;
    this.agenda = agenda;
    this.palCalendar = palCalendar;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The entidad's current exercise (the latest started), if it has one. */
  public Optional<Exercise> current(String tenant) {
    if (!EntityCatalogue.exists(tenant)) {
      return Optional.empty();
    }
    return exercises.findByTenant(tenant).stream().findFirst();
  }

  /** The milestones of the entidad's current exercise, in date order; none when it has no exercise. */
  public List<CalendarEvent> of(String tenant) {
    return current(tenant).map(this::of).orElse(List.of());
  }

  List<CalendarEvent> of(Exercise e) {
    String page = micrositeUrl(e.tenantId());
    String where = EntityCatalogue.nameOf(e.tenantId()) + " " + e.year();
    String more = "\nMás información en el micrositio: " + page;
    List<CalendarEvent> events = new ArrayList<>();
    add(events, e, "stl", day(e.meetingDate()), "Instalación del Secretariado Técnico Local · " + where,
        "Reunión de instalación del Secretariado Técnico Local (STL) del ejercicio de cocreación de " + where
            + (e.meetingPlace() == null || e.meetingPlace().isBlank() ? "" : " en " + e.meetingPlace()) + "." + more, page);
    for (ExerciseAgenda.Agenda annual : agenda.agendas(e.id())) {
      // The first agenda's UIDs predate the yearly ones: calendars that hold them keep them.
      String uid = annual.year() == 1 ? "agenda-" : "agenda-" + annual.year() + "-";
      for (ExerciseAgenda.Item item : annual.items()) {
        add(events, e, uid + item.position(), item.date(), "Agenda del STL: " + item.text() + " · " + where,
            "Actividad de la agenda anual del Secretariado Técnico Local de " + where + ": " + item.text() + "." + more,
            page);
      }
    }
    for (ExerciseAgenda.Item table : agenda.tablesPlan(e.id())) {
      add(events, e, "mesa-" + table.position(), table.date(), "Mesa de trabajo: " + table.text() + " · " + where,
          "Mesa de trabajo participativa de " + where + " sobre «" + table.text() + "»." + more, page);
    }
    add(events, e, "lanzamiento", day(e.launchDate()), "Lanzamiento público del PAL · " + where,
        "Lanzamiento público del Plan de Acción Local de " + where
            + (e.launchPlace() == null || e.launchPlace().isBlank() ? "" : " en " + e.launchPlace()) + "." + more, page);
    if (e.launchDate() != null) {
      add(events, e, "monitoreo", day(palCalendar.monitoringDate(e.launchDate())), "Monitoreo del INAI · " + where,
          "El INAI monitorea los compromisos del Plan de Acción Local de " + where + " ("
              + palCalendar.monitoringAfterText() + " después del lanzamiento)." + more, page);
    }
    add(events, e, "inicio-pal", day(e.palStart()), "Inicio del PAL · " + where,
        "Comienza la vigencia del Plan de Acción Local de " + where + "." + more, page);
    add(events, e, "fin-pal", day(e.palEnd()), "Fin del PAL · " + where,
        "Termina la vigencia del Plan de Acción Local de " + where + "." + more, page);
    events.sort(java.util.Comparator.comparing(CalendarEvent::date));
    return events;
  }

  /** The entidad's page on the microsite. */
  String micrositeUrl(String tenant) {
    return publicUrl + "/micrositio/" + tenant;
  }

  String publicUrl() {
    return publicUrl;
  }

  private static void add(List<CalendarEvent> events, Exercise e, String milestone, LocalDate date, String summary,
      String description, String url) {
    if (date != null) {
      events.add(new CalendarEvent(milestone + "." + e.businessKey() + UID_DOMAIN, date, summary, description, url,
          null));
    }
  }

  private static LocalDate day(Instant instant) {
    return instant == null ? null : Dates.localDate(instant);
  }
}
