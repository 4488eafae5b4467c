-- Public evidence of each exercise: a copy of every file (File variables, task attachments,
-- generated PDFs) or an external link, indexed when it is produced, so the microsite lists and
-- serves it without scanning history (and it outlives the history time to live).
create table cc_evidence (
  id            varchar(36)    not null primary key,
  exercise_id   varchar(64)    not null references cc_exercise (id),
  step          integer        not null,
  source        varchar(500)   not null,      -- Spanish description, e.g. "Plan de Acción Local (PDF)"
  file_name     varchar(500),
  content_type  varchar(200),
  size_bytes    bigint         not null default -1,
  content       bytea,                        -- null for external links
  external_url  varchar(2000),
  task_id       varchar(64),
  recorded_at   timestamp      not null
);
create index cc_evidence_exercise on cc_evidence (exercise_id, step);
