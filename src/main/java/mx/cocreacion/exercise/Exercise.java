package mx.cocreacion.exercise;

import java.time.Instant;

/**
 * One local exercise of one entidad, as kept in the plan of record ({@code cc_exercise}), with the days its
 * milestones happened: the declaration (its last signature), the STL meeting (with its place and whom the
 * organismo garante convened), the last working table, the launch and the PAL's validity.
 */
public record Exercise(
    String id,
    String businessKey,
    String tenantId,
    int year,
    String name,
    String guarantorBody,
    String startedBy,
    Instant startedAt,
    Instant endedAt,
    int currentStep,
    Instant declarationDate,
    Instant meetingDate,
    String meetingPlace,
    String meetingInvitees,
    boolean meetingInvitesActors,
    Instant lastTableDate,
    String decisionRule,
    String facilitatorName,
    Instant palStart,
    Instant palEnd,
    String durationJustification,
    Instant launchDate,
    String launchPlace) {}
