package mx.cocreacion.stl;

import mx.cocreacion.exercise.ExerciseScope;
import mx.cocreacion.plan.StlMember;
import mx.cocreacion.plan.StlMemberRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a titular's vote (vote-facilitator, approve-commitments, vote-amendment: assigned to the titular by
 * the model): the suplentes of the titular's sector become its candidates, so they see it in Tasklist
 * («Votos que puedo suplir») and can vote in the titular's absence ({@link StandIns}). Being a candidate lets them
 * read it; only taking it over lets them complete it.
 */
@Component("offerVoteToSuplentesListener")
class OfferVoteToSuplentesListener implements TaskListener {

  private final StlMemberRepository members;

  OfferVoteToSuplentesListener(StlMemberRepository members) {
    this.members = members;
  }

  @Override
  public void notify(DelegateTask task) {
    String titular = task.getAssignee();
    if (titular == null) {
      return;
    }
    var stl = members.active(ExerciseScope.exerciseId(task));
    stl.stream().filter(m -> m.userId().equals(titular) && StlMember.TITULAR.equals(m.role())).findFirst()
        .ifPresent(seat -> stl.stream()
            .filter(m -> StlMember.SUPLENTE.equals(m.role()) && m.sector().equals(seat.sector()))
            .forEach(suplente -> task.addCandidateUser(suplente.userId())));
  }
}
