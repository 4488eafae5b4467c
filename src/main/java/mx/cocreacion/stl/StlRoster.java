package mx.cocreacion.stl;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean {@code stlRoster}: the STL titulars of an exercise, the collection of the
 * approve-commitments multi-instance ({@code ${stlRoster.titulars(exerciseId)}}).
 */
@Component("stlRoster")
public class StlRoster {

  private final StlMemberRepository members;

  public StlRoster(StlMemberRepository members) {
    this.members = members;
  }

  public List<String> titulars(String exerciseId) {
    List<String> titulars = members.active(exerciseId).stream()
        .filter(m -> StlIntegrationProcess.ROLE_TITULAR.equals(m.role()))
        .map(StlMember::userId)
        .distinct()
        .toList();
    if (titulars.isEmpty()) {
      throw new IllegalStateException("El ejercicio " + exerciseId + " no tiene titulares del STL electos");
    }
    return titulars;
  }
}
