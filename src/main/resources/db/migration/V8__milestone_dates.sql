-- The dates an exercise's milestones really happened (issue 16), so the later steps can keep them in order:
-- the day the joint declaration was signed (its last signature) and the day of the last working table.
-- The STL meeting (meeting_date), the launch and the PAL's validity already had theirs. Portable SQL: runs
-- on H2 2.x and PostgreSQL.
alter table cc_exercise add column declaration_date timestamp;
alter table cc_exercise add column last_table_date timestamp;
