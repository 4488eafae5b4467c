-- Read side at national scale (issue 7, measured with ./bench, README "Benchmark"): the microsite's
-- national overview picks each entidad's latest exercise (max(started_at) per tenant_id); with this
-- index that is an index lookup instead of a read of every exercise of the entidad for each row.
-- Portable SQL: runs on H2 2.x and PostgreSQL.
create index cc_exercise_tenant_started on cc_exercise (tenant_id, started_at);
