package mx.cocreacion.followup;

import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.Amendment;
import mx.cocreacion.plan.AmendmentRepository;
import mx.cocreacion.plan.DecisionRule;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** After every titular voted: decides the amendment under the STL's rule (the plan of record's) and records it. */
@Component("tallyAmendmentDelegate")
public class TallyAmendmentDelegate implements JavaDelegate {

  private final AmendmentRepository amendments;
  private final ExerciseRepository exercises;
  private final CommitmentAmendments model;

  public TallyAmendmentDelegate(AmendmentRepository amendments, ExerciseRepository exercises,
      CommitmentAmendments model) {
    this.amendments = amendments;
    this.exercises = exercises;
    this.model = model;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    Amendment amendment = amendments.inVote(execution.getProcessInstanceId())
        .orElseThrow(() -> new IllegalStateException("No hay modificación en votación en " + execution.getProcessInstanceId()));
    String rule = exercises.findById(exerciseId).map(Exercise::decisionRule)
        .orElseThrow(() -> new IllegalStateException("El ejercicio " + exerciseId + " no tiene regla de decisión"));
    boolean carried = DecisionRule.carries(rule, model.yesSectors(exerciseId, amendment),
        model.titulars(exerciseId).size());
    amendments.decide(amendment.id(), carried ? Amendment.APPROVED : Amendment.REJECTED,
        ClockUtil.getCurrentTime().toInstant());
  }
}
