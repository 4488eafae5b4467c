package mx.cocreacion.followup;

import static mx.cocreacion.followup.CommitmentImplementationProcess.VAR_ALL_ACTIVITIES_DONE;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.plan.ImplementationRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Applies the amendment the STL approved: a new version of the commitment (the earlier ones kept), its progress
 * recomputed, and {@code allActivitiesDone} again from the plan of record (an added activity is still to do).
 */
@Component("applyAmendmentDelegate")
public class ApplyAmendmentDelegate implements JavaDelegate {

  private final AmendmentRepository amendments;
  private final ImplementationRepository implementation;

  public ApplyAmendmentDelegate(AmendmentRepository amendments, ImplementationRepository implementation) {
    this.amendments = amendments;
    this.implementation = implementation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Amendment amendment = amendments.latest(execution.getProcessInstanceId())
        .filter(a -> Amendment.APPROVED.equals(a.status()) && a.version() == null)
        .orElseThrow(() -> new IllegalStateException("No hay modificación aprobada por aplicar en "
            + execution.getProcessInstanceId()));
    amendments.apply(exerciseId, amendment, ClockUtil.getCurrentTime().toInstant());
    execution.setVariable(VAR_ALL_ACTIVITIES_DONE, implementation.progress(exerciseId, amendment.commitment()) >= 1.0);
  }
}
