package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.*;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.ImplementationRepository;
import mx.cocreacion.plan.Progress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a progress report: is every activity of the commitment done? ({@code allActivitiesDone}). */
@Component("updateProgressDelegate")
public class UpdateProgressDelegate implements JavaDelegate {

  private final ImplementationRepository implementation;
  private final PlanOfRecord plan;

  public UpdateProgressDelegate(ImplementationRepository implementation, PlanOfRecord plan) {
    this.implementation = implementation;
    this.plan = plan;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    int commitment = plan.commitmentOf(execution);
    double progress = implementation.progress(exerciseId, commitment);
    execution.setVariable(VAR_ALL_ACTIVITIES_DONE, progress >= 1.0);
    execution.setVariable("commitmentProgress", Progress.percent(progress));
  }
}
