package mx.cocreacion.completion;

import java.util.Collection;
import java.util.List;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The rules every yes-or-no vote of an STL titular shares (vote-facilitator, vote-amendment): a vote against says
 * why, and the vote is the seat of the task's assignee, who must be a titular of the exercise.
 */
public final class TitularVote {

  private TitularVote() {}

  /** {@code approved} is a yes or a no; a no needs {@code comments}. */
  public static void validate(TaskInput input, String approved, String comments) {
    Boolean vote = input.bool(approved);
    String why = input.optionalText(comments, TaskInput.TEXT);
    if (Boolean.FALSE.equals(vote) && why == null && input.isValid()) {
      input.reject(comments, "es obligatorio al votar en contra: explique por qué");
    }
  }

  /** Who votes: the task's assignee (else the person completing it), refused unless one of {@code titulars}. */
  public static String voter(DelegateTask task, Collection<String> titulars, String approved) {
    String voter = task.getAssignee() != null ? task.getAssignee() : TaskMinutes.actor(task);
    if (voter == null || !titulars.contains(voter)) {
      throw new ValidationException("completar la tarea «" + task.getName() + "»", List.of(new Violation(approved,
          "solo vota quien es titular del STL de este ejercicio")));
    }
    return voter;
  }
}
