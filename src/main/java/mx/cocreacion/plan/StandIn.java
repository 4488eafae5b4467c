package mx.cocreacion.plan;

import java.time.Instant;

/**
 * A vote task a suplente took over in place of an absent titular of their sector: the vote is the seat's
 * ({@code seatUserId}), cast by {@code standInUserId}; {@code votedAt} is null until it is cast.
 */
public record StandIn(String taskId, String exerciseId, String taskKey, String taskName, String sector,
    String seatUserId, String standInUserId, String reason, Instant takenAt, Instant votedAt) {}
