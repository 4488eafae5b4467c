package mx.cocreacion.pal;

import static mx.cocreacion.pal.PalLaunchProcess.*;

import java.util.Date;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** After the public launch: its date and place are recorded; the implementation period starts then. */
@Component("recordLaunchDelegate")
public class RecordLaunchDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordLaunchDelegate.class);

  private final ExerciseRepository exercises;

  public RecordLaunchDelegate(ExerciseRepository exercises) {
    this.exercises = exercises;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date launchDate = (Date) execution.getVariable(VAR_LAUNCH_DATE);
    exercises.recordLaunch(ExerciseScope.exerciseId(execution), launchDate,
        (String) execution.getVariable(VAR_LAUNCH_PLACE));
    LOG.info("PAL lanzado: ejercicio {} el {}", execution.getProcessBusinessKey(), launchDate);
  }
}
