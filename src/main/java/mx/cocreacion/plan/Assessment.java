package mx.cocreacion.plan;

/**
 * INAI's assessment of one commitment: the 6-month monitoring (verifiable, relevant, potential
 * impact) and the final evaluation (completion, did it open government), after OGP's IRM.
 */
public record Assessment(int commitment, Boolean verifiable, Boolean relevant, String potentialImpact,
    String monitoringNotes, String completion, String openedGovernment, String evaluationNotes, boolean starred) {

  /**
   * Starred: monitoring found it verifiable, relevant and transformative, and the evaluation found
   * it substantially or fully complete.
   */
  public static boolean isStarred(Boolean verifiable, Boolean relevant, String potentialImpact, String completion) {
    return mayStar(verifiable, relevant, potentialImpact)
        && ("substantial".equals(completion) || "complete".equals(completion));
  }

  /** What the monitoring must have found for a commitment to be starred: verifiable, relevant, transformative. */
  public static boolean mayStar(Boolean verifiable, Boolean relevant, String potentialImpact) {
    return Boolean.TRUE.equals(verifiable) && Boolean.TRUE.equals(relevant) && "transformative".equals(potentialImpact);
  }
}
