package mx.cocreacion.worktables;

/** The vote of one STL titular in one approval round of the commitments. */
public record ApprovalVote(String userId, boolean approved, String comments) {}
