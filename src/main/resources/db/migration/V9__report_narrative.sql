-- What the STL tells in a progress report besides the statuses (issue 16): what was done in the period, what
-- is blocking. Portable SQL: runs on H2 2.x and PostgreSQL.
alter table cc_progress_report add column narrative varchar(4000);
