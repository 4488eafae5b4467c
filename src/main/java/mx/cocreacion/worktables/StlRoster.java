package mx.cocreacion.worktables;

import java.util.List;
import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Bean {@code stlRoster}: the STL titulars of an exercise, the collection of the
 * approve-commitments multi-instance ({@code ${stlRoster.titulars(execution)}}).
 */
@Component("stlRoster")
public class StlRoster {

  private final StlMemberRepository members;

  public StlRoster(StlMemberRepository members) {
    this.members = members;
  }

  /** The titulars of the execution's exercise. */
  public List<String> titulars(DelegateExecution execution) {
    return titularsOf(ExerciseScope.exerciseId(execution));
  }

  /** The titulars of the exercise (user ids, in seat order). */
  public List<String> titularsOf(String exerciseId) {
    List<String> titulars = members.active(exerciseId).stream()
        .filter(m -> StlMember.TITULAR.equals(m.role()))
        .map(StlMember::userId)
        .distinct()
        .toList();
    if (titulars.isEmpty()) {
      throw new IllegalStateException("El ejercicio " + exerciseId + " no tiene titulares del STL electos");
    }
    return titulars;
  }
}
