package mx.cocreacion.evidence;

import java.time.Instant;

/**
 * One piece of public evidence of an exercise: a file (File variable, task attachment or a
 * generated document) with the link where the app serves it, or an external link.
 *
 * @param id stable id used in the download URL
 * @param name file name shown to the public
 * @param contentType the file's media type (from its content)
 * @param size bytes, or -1 for external links
 * @param source what it is, in Spanish (e.g. "Declaración conjunta", "Informe de avance 2 — Compromiso 1", "Plan de Acción Local (PDF)")
 * @param step the seed step (1–6) it belongs to
 * @param recordedAt when it was produced
 * @param url where to download it (served by the app) or the external link
 */
public record EvidenceItem(String id, String name, String contentType, long size, String source, int step,
    Instant recordedAt, String url) {}
