package mx.cocreacion.stl;

import static mx.cocreacion.stl.StlIntegrationProcess.VAR_STL_MEMBERS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Start of the STL re-election: the current STL becomes the re-election's own {@code stlMembers}
 * (a local variable of the event subprocess), so the elect-stl form opens with it to be corrected.
 */
@Component("loadStlRosterListener")
public class LoadStlRosterListener implements ExecutionListener {

  private final StlMemberRepository members;

  public LoadStlRosterListener(StlMemberRepository members) {
    this.members = members;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String exerciseId = ExerciseScope.exerciseId(execution);
    ArrayNode roster = TaskInput.mapper().createArrayNode();
    for (StlMember m : members.active(exerciseId)) {
      roster.addObject()
          .put("name", m.name())
          .put("email", m.email())
          .put("sector", m.sector())
          .put("role", m.role());
    }
    execution.setVariableLocal(VAR_STL_MEMBERS, SpinValues.jsonValue(roster.toString()).create());
  }
}
