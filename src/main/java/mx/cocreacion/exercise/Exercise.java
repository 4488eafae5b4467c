package mx.cocreacion.exercise;

import java.time.Instant;

/** One local exercise of one entidad, as kept in the plan of record ({@code cc_exercise}). */
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
    Instant meetingDate,
    String decisionRule,
    String facilitatorName,
    Instant palStart,
    Instant palEnd,
    String durationJustification,
    Instant launchDate,
    String launchPlace) {}
