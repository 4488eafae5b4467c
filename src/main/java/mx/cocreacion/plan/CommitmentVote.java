package mx.cocreacion.plan;

import java.time.Instant;

/**
 * The vote of one STL titular on one commitment in one approval round of step 4: approved, or returned to the
 * facilitator with a comment ({@code cc_commitment_vote}). {@code name} and {@code sector} are the titular's
 * seat as the plan of record has it (public); {@code userId} is their account (never public).
 */
public record CommitmentVote(int round, int position, String userId, String name, String sector, boolean approved,
    String comments, Instant votedAt) {}
