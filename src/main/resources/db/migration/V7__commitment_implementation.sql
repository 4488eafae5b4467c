-- Which commitment-implementation instance implements each approved commitment (issue 14): written by
-- the process when the instance starts, read instead of the instance's variables, which a REST call could
-- change. Portable SQL: runs on H2 2.x and PostgreSQL.
alter table cc_commitment add column implementation_id varchar(64);
create unique index cc_commitment_implementation on cc_commitment (implementation_id);
