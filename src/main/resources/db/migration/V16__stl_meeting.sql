-- The STL's installation meeting as the seed describes it (issue 16, step 3): where it is held and whom the
-- organismo garante convenes (the local actors registered in step 2, and anyone else it names), announced
-- on the microsite and the calendar feeds before it happens. Its minutes are evidence (cc_evidence), required
-- when the election is recorded. Portable SQL: runs on H2 2.x and PostgreSQL.
alter table cc_exercise add column meeting_place varchar(500);
alter table cc_exercise add column meeting_invitees varchar(4000);
alter table cc_exercise add column meeting_invites_actors boolean;
