package mx.cocreacion.plan;

import java.time.Instant;

/**
 * One dated progress report of a commitment ("primer avance", "segundo avance"...) and what the STL told in it;
 * {@code evidenceFileUrl} is the public download path of the file it published ({@link PublicPaths#evidence}), if any.
 */
public record ProgressReport(int number, Instant reportedAt, String reportedBy, double progress, String statusesJson,
    String evidenceUrl, String evidenceName, String narrative, String evidenceFileUrl) {}
