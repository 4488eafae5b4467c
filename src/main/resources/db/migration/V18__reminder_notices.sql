-- Reminder design `sweeper` (cocreacion.reminders.design, issue 19): the notice before a task's due date is
-- recorded, one row per task, so the sweep finds the tasks whose notice is due and not sent by query and a
-- send job that runs twice sends it once. The `timers` design (the default) does not use this table: there the
-- notice's timer fires once. Portable SQL: runs on H2 2.x and PostgreSQL.

create table cc_reminder_notice (
  task_id   varchar(64) primary key,
  due_date  timestamp   not null,   -- the due date the notice announced
  sent_at   timestamp   not null
);
