package mx.cocreacion.plan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an amended commitment's activities: version 1 as the STL approved it, each later one made by an
 * approved {@link Amendment} (its {@code change} in words and its {@code reason}; both null for version 1).
 */
public record CommitmentVersion(int version, LocalDate validFrom, @Schema(nullable = true) String change, @Schema(nullable = true) String reason,
    List<Commitment.Activity> activities) {}
