package mx.cocreacion.completion;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;

/** What the engine's structure says about a task (never its variables). */
public final class Tasks {

  private Tasks() {}

  /** The candidate groups the model offered the task to (e.g. the sector of a signature). */
  public static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
  }
}
