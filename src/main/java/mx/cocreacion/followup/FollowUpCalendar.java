package mx.cocreacion.followup;

import java.time.Instant;
import java.util.Date;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.plan.EvaluationRoundRepository;
import mx.cocreacion.plan.PalCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Bean {@code followUpCalendar}: the dates of step 6 timers. The monitoring date comes from the
 * recorded launch date (not from when the launch task was completed); every date, and which evaluation round
 * comes next, come from the plan of record, never from variables.
 */
@Component("followUpCalendar")
public class FollowUpCalendar {

  private final ExerciseRepository exercises;
  private final PalCalendar calendar;
  private final EvaluationRoundRepository rounds;

  public FollowUpCalendar(ExerciseRepository exercises, PalCalendar calendar, EvaluationRoundRepository rounds) {
    this.exercises = exercises;
    this.calendar = calendar;
    this.rounds = rounds;
  }

  /** The evaluation round the execution's exercise is in: the next yearly one, or the final one. */
  public record Round(int number, boolean finalRound, Instant periodEnd) {}

  /** The round now due: yearly while a year of implementation ends before the PAL does, then the final one. */
  public Round round(String exerciseId) {
    Exercise exercise = exercise(exerciseId);
    int year = rounds.yearsEvaluated(exerciseId) + 1;
    Instant launch = launch(exercise);
    return calendar.yearEndsBefore(launch, year, exercise.palEnd())
        ? new Round(year, false, calendar.yearEnd(launch, year))
        : new Round(year, true, exercise.palEnd());
  }

  /** Does another year of implementation end (launch + n years) strictly before the PAL does? */
  public boolean yearEndAhead(DelegateExecution execution) {
    return !round(ExerciseScope.exerciseId(execution)).finalRound();
  }

  /** The round now due is the final one (no year of implementation ends before the PAL does). */
  public boolean finalRound(DelegateExecution execution) {
    return round(ExerciseScope.exerciseId(execution)).finalRound();
  }

  /** The end of the next year of implementation: the timer of the yearly evaluation. */
  public Date nextYearEnd(DelegateExecution execution) {
    return Date.from(round(ExerciseScope.exerciseId(execution)).periodEnd());
  }

  /** When INAI's evaluation stops waiting for the self-assessment due on {@code due} (its due date + the grace). */
  public Date selfAssessmentCloses(Date due) {
    return Date.from(calendar.selfAssessmentCloses(due.toInstant()));
  }

  /** The year of implementation under way now: 1 until launch + 12 months, then 2, and so on. */
  public int yearUnderway(String exerciseId) {
    Instant launch = launch(exercise(exerciseId));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    int year = 1;
    while (!calendar.yearEnd(launch, year).isAfter(now)) {
      year++;
    }
    return year;
  }

  /** The first day of year {@code year} of implementation: the launch, or the end of the year before. */
  public Instant yearStart(Exercise exercise, int year) {
    return year == 1 ? launch(exercise) : calendar.yearEnd(launch(exercise), year - 1);
  }

  private Exercise exercise(String exerciseId) {
    return exercises.findById(exerciseId)
        .orElseThrow(() -> new IllegalStateException("No existe el ejercicio " + exerciseId));
  }

  private static Instant launch(Exercise exercise) {
    if (exercise.launchDate() == null || exercise.palEnd() == null) {
      throw new IllegalStateException("El ejercicio " + exercise.id() + " no tiene lanzamiento o vigencia del PAL");
    }
    return exercise.launchDate();
  }

  /** Launch date + six months (configurable), in Mexico City's calendar. */
  public Date monitoringDate(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Instant launch = exercises.findById(exerciseId)
        .map(e -> e.launchDate())
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene fecha de lanzamiento"));
    return Date.from(calendar.monitoringDate(launch));
  }

  /** The end of the PAL's validity as the plan of record has it (the final evaluation's timer). */
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
