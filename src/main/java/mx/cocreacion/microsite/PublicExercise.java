package mx.cocreacion.microsite;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One exercise as the public sees it (microsite, open data): no e-mail addresses, no internal ids
 * beyond the business key. Progress in percent (0–100).
 */
public record PublicExercise(
    String tenant,
    String entityName,
    int year,
    String businessKey,
    String name,
    String guarantorBody,
    int currentStep,
    boolean finished,
    Instant startedAt,
    @Schema(nullable = true) Instant endedAt,
    @Schema(nullable = true) LocalDate palStart,
    @Schema(nullable = true) LocalDate palEnd,
    @Schema(nullable = true) LocalDate launchDate,
    @Schema(nullable = true) String launchPlace,
    int commitments,
    int palProgress,
    int starredCommitments,
    long overdueTasks) {}
