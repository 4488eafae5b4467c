package mx.cocreacion.worktables;

import static mx.cocreacion.validation.TaskInput.path;

import java.util.List;
import java.util.Map;
import mx.cocreacion.plan.Commitment;
import mx.cocreacion.plan.CommitmentRepository;
import mx.cocreacion.validation.TaskInput;

/**
 * A consolidation after a vote keeps what the STL approved: each commitment the STL carried stays in the list
 * at its position, exactly as it was approved (only the returned ones are rewritten; new ones may be added at
 * the end and go to the next vote). Checked by the completion of consolidate-commitments and by the CSV import.
 */
final class ApprovedCommitments {

  private ApprovedCommitments() {}

  /** Reports into {@code input}, on {@code field} or its row, every approved commitment that is missing or changed. */
  static void check(TaskInput input, String field, String exerciseId, List<Commitment> draft,
      CommitmentRepository commitments) {
    Map<Integer, Integer> carried = commitments.carriedRounds(exerciseId);
    if (carried.isEmpty() || !input.isValid()) {
      return;
    }
    Map<Integer, Commitment> stored = new java.util.HashMap<>();
    commitments.findByExercise(exerciseId).forEach(c -> stored.put(c.position(), c));
    carried.forEach((position, round) -> {
      Commitment approved = stored.get(position);
      String what = "el compromiso " + position + " «" + approved.title() + "», que el STL aprobó en la votación "
          + round;
      if (position > draft.size()) {
        input.reject(field, "falta " + what + ": los compromisos aprobados se quedan en su lugar y sin cambios");
      } else if (!approved.equals(draft.get(position - 1))) {
        input.reject(path(field, position - 1), "no puede cambiar: es " + what + "; cambie solo los compromisos "
            + "devueltos (o agregue nuevos al final)");
      }
    });
  }
}
