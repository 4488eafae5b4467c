package mx.cocreacion.worktables;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.CommitmentRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The STL approved the commitments: they become the plan of record of the exercise. */
@Component("recordPlanDelegate")
public class RecordPlanDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordPlanDelegate.class);

  private final CommitmentRepository commitments;

  public RecordPlanDelegate(CommitmentRepository commitments) {
    this.commitments = commitments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    int approved = commitments.approve(exerciseId, ClockUtil.getCurrentTime().toInstant());
    LOG.info("Plan de compromisos aprobado: ejercicio {} ({} compromisos)", execution.getProcessBusinessKey(), approved);
  }
}
