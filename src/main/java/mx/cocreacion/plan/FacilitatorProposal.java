package mx.cocreacion.plan;

import java.time.Instant;
import java.util.List;

/**
 * A person an STL member proposed as the exercise's facilitator, with the reason, the titulars' votes and what
 * the STL decided under its rule. {@code round} counts the proposals of the exercise (a rejected one is followed
 * by another). {@code email} only creates the facilitator's account: it is never published.
 */
public record FacilitatorProposal(
    long id,
    int round,
    String name,
    String email,
    String reason,
    String proposedBy,
    Instant proposedAt,
    String status,
    Instant decidedAt,
    List<Vote> votes) {

  public static final String PROPOSED = "proposed";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  /** A titular's vote on the proposal. */
  public record Vote(String voter, boolean approved, String comments, Instant votedAt) {}

  public long votesFor() {
    return votes.stream().filter(Vote::approved).count();
  }

  public long votesAgainst() {
    return votes.size() - votesFor();
  }

  public boolean approved() {
    return APPROVED.equals(status);
  }

  /** The status in words: «Aprobada», «Rechazada», «En votación». */
  public String statusLabel() {
    return switch (status) {
      case APPROVED -> "Aprobada";
      case REJECTED -> "Rechazada";
      default -> "En votación";
    };
  }
}
