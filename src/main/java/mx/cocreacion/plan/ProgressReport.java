package mx.cocreacion.plan;

import java.time.Instant;

/** One dated progress report of a commitment ("primer avance", "segundo avance"...) and what the STL told in it. */
public record ProgressReport(int number, Instant reportedAt, String reportedBy, double progress, String statusesJson,
    String evidenceUrl, String evidenceName, String narrative) {}
