package mx.cocreacion.plan;

/**
 * The plan of record changed: a write to the {@code cc_*} tables that the public pages, the open data
 * and the documents read (an exercise's record, its STL, commitments, reports, assessments, evidence).
 * Published by {@link PlanEvents} after the write; readers that keep copies (the microsite's caches)
 * listen for it once the transaction commits, and know nothing of who wrote.
 */
public record PlanChanged() {}
