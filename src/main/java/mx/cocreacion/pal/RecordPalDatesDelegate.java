package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.util.Date;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After schedule-pal: the PAL's validity is recorded in the plan of record. */
@Component("recordPalDatesDelegate")
public class RecordPalDatesDelegate implements JavaDelegate {

  private final ExerciseRepository exercises;

  public RecordPalDatesDelegate(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    exercises.recordPalDates(ExerciseScope.exerciseId(execution),
        (Date) execution.getVariable(VAR_PAL_START), (Date) execution.getVariable(VAR_PAL_END),
        (String) execution.getVariable(VAR_DURATION_JUSTIFICATION));
  }
}
