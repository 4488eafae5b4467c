package mx.cocreacion.declaration;

import java.util.Optional;
import mx.cocreacion.completion.Tasks;
import mx.cocreacion.exercise.Sector;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bean {@code nameSignatureListener} (create): each sector's signing task names the sector, «Firmar
 * declaración conjunta: Sociedad civil», from the group the model offered it to (never a variable).
 */
@Component
public class NameSignatureListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Tasks.candidateGroups(task).stream()
        .map(Sector::of)
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(sector -> Tasks.nameWith(task, sector.label()));
  }
}
