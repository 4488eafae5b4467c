package mx.cocreacion.stl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.exercise.LocalActors;
import mx.cocreacion.exercise.Sector;
import mx.cocreacion.validation.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Bean {@code electionCandidates}: the local actors registered in step 2, shown to the organismo garante when it
 * convenes the STL's meeting and offered when it records the STL's election (shown field {@code registeredActors}
 * of convene-stl-meeting and elect-stl): name, organisation, sector in words and the e-mail the garante itself
 * registered (elect-stl's form shows it, convene-stl-meeting's does not). Never shown on a public page.
 */
@Component("electionCandidates")
public class ElectionCandidates {

  private final LocalActors actors;

  public ElectionCandidates(LocalActors actors) {
    this.actors = actors;
  }

  public SpinJsonNode of(DelegateExecution execution) {
    ArrayNode list = TaskInput.mapper().createArrayNode();
    for (LocalActors.LocalActor actor : actors.of(ExerciseScope.exerciseId(execution))) {
      ObjectNode row = list.addObject();
      row.put("name", actor.name());
      row.put("organization", actor.organization());
      row.put("sectorText", Sector.of(actor.sector()).map(Sector::label).orElse(actor.sector()));
      row.put("email", actor.email());
    }
    return Spin.JSON(list.toString());
  }
}
