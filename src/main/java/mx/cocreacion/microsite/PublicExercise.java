package mx.cocreacion.microsite;

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
    Instant endedAt,
    LocalDate palStart,
    LocalDate palEnd,
    LocalDate launchDate,
    String launchPlace,
    int commitments,
    int palProgress,
    int starredCommitments,
    long overdueTasks) {}
