package mx.cocreacion.evidence;

import java.util.List;
import java.util.Optional;
import mx.cocreacion.exercise.Exercise;
import mx.cocreacion.exercise.ExerciseRepository;
import org.springframework.stereotype.Service;

/**
 * The public evidence of an exercise, for the microsite: what {@code cc_evidence} indexes, with
 * download links under {@code /micrositio/{tenant}/evidencia/}. Never crosses tenants: an exercise
 * of another entidad lists nothing and its files are not served.
 */
@Service
public class EvidenceCatalogue {

  private final EvidenceRepository evidence;
  private final ExerciseRepository exercises;

  public EvidenceCatalogue(EvidenceRepository evidence, ExerciseRepository exercises) {
    this.evidence = evidence;
    this.exercises = exercises;
  }

  /** The evidence of {@code exerciseId}, by step then time; empty if it is not an exercise of {@code tenant}. */
  public List<EvidenceItem> list(String tenant, String exerciseId) {
    if (!belongsTo(tenant, exerciseId)) {
      return List.of();
    }
    return evidence.list(exerciseId, downloadBase(tenant));
  }

  /** A stored file of an exercise of {@code tenant}; empty if there is none with this id in that tenant. */
  public Optional<EvidenceRepository.StoredFile> file(String tenant, String id) {
    return evidence.file(id).filter(file -> belongsTo(tenant, file.exerciseId()));
  }

  public static String downloadBase(String tenant) {
    return mx.cocreacion.plan.PublicPaths.evidenceBase(tenant);
  }

  private boolean belongsTo(String tenant, String exerciseId) {
    return tenant != null && exerciseId != null
        && exercises.findById(exerciseId).map(Exercise::tenantId).filter(tenant::equals).isPresent();
  }
}
