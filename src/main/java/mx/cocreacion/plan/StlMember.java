package mx.cocreacion.plan;

/** A member of the STL of one exercise: titular or suplente of a sector, with their account. */
public record StlMember(int position, String name, String email, String sector, String role, String userId) {

  public static final String TITULAR = "titular";
  public static final String SUPLENTE = "suplente";

  /** The STL's decision rules (how the titulars approve the commitments). */
  public static final String RULE_CONSENSUS = "consensus";
  public static final String RULE_MAJORITY = "majority";
}
