package mx.cocreacion.completion;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;

/** What the engine's structure says about a task (never its variables). */
public final class Tasks {

  private Tasks() {}

  /** The longest task name the engine keeps ({@code ACT_RU_TASK.NAME_}). */
  public static final int NAME_LIMIT = 255;

  /**
   * Names a task after its model name and what tells it apart from the tasks of the same kind a person sees
   * in one list ("Informar avance del compromiso 2: Presupuesto abierto"), cut to what the engine keeps.
   * Nothing changes without a detail. For a task's create listener.
   */
  public static void nameWith(DelegateTask task, String detail) {
    if (detail == null || detail.isBlank()) {
      return;
    }
    String name = task.getName() + ": " + detail.strip().replaceAll("\\s+", " ");
    task.setName(name.length() <= NAME_LIMIT ? name : name.substring(0, NAME_LIMIT - 1) + "…");
  }

  /** The candidate groups the model offered the task to (e.g. the sector of a signature). */
  public static List<String> candidateGroups(DelegateTask task) {
    return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
  }
}
