package mx.cocreacion.completion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import mx.cocreacion.plan.StandIn;
import mx.cocreacion.plan.StandInRepository;
import mx.cocreacion.validation.TaskInput;
import mx.cocreacion.validation.ValidationException;
import mx.cocreacion.validation.Violation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The rules every yes-or-no vote of an STL titular shares (vote-facilitator, vote-amendment): a vote against says
 * why, and the vote is the seat of the task's assignee, who must be a titular of the exercise (or a suplente who took
 * the titular's vote over).
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

  /**
   * Whose vote it is: the seat of the task's assignee (else of the person completing it), who must be one of
   * {@code titulars}, or the titular a suplente took the task over from ({@link StandInRepository}; the stand-in is
   * then recorded as cast). Refused otherwise.
   */
  public static String voter(DelegateTask task, Collection<String> titulars, String approved,
      StandInRepository standIns) {
    String person = task.getAssignee() != null ? task.getAssignee() : TaskMinutes.actor(task);
    String voter = person;
    if (person != null && !titulars.contains(person)) {
      Optional<StandIn> standIn = standIns.ofTask(task.getId())
          .filter(s -> s.standInUserId().equals(person) && s.votedAt() == null);
      if (standIn.isPresent()) {
        voter = standIn.get().seatUserId();
        standIns.voted(task.getId(), ClockUtil.getCurrentTime().toInstant());
      }
    }
    if (voter == null || !titulars.contains(voter)) {
      throw new ValidationException("completar la tarea «" + task.getName() + "»", List.of(new Violation(approved,
          "solo vota quien es titular del STL de este ejercicio")));
    }
    return voter;
  }
}
