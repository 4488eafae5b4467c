package mx.cocreacion.followup;

import java.time.Instant;
import java.util.Date;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.PalCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Bean {@code followUpCalendar}: the dates of step 6 timers. The monitoring date comes from the
 * recorded launch date (not from when the launch task was completed); both dates come from the plan of
 * record, never from variables.
 */
@Component("followUpCalendar")
public class FollowUpCalendar {

  private final ExerciseRepository exercises;
  private final PalCalendar calendar;

  public FollowUpCalendar(ExerciseRepository exercises, PalCalendar calendar) {
    this.exercises = exercises;
    this.calendar = calendar;
  }

  /** Launch date + six months (configurable), in Mexico City's calendar. */
  public Date monitoringDate(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Instant launch = exercises.findById(exerciseId)
        .map(e -> e.launchDate())
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene fecha de lanzamiento"));
    return Date.from(calendar.monitoringDate(launch));
  }

  /** The end of the PAL's validity as the plan of record has it (the year-end evaluation's timer). */
  public Date palEnd(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Instant end = exercises.findById(exerciseId)
        .map(e -> e.palEnd())
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene vigencia del PAL"));
    return Date.from(end);
  }

  /** ISO 8601 duration between two progress reports of a commitment. */
  public String reportPeriod() {
    return calendar.reportPeriod();
  }
}
