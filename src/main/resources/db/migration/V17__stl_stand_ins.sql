-- A suplente votes in place of an absent titular of their sector (issue 16, step 3: the sectors elect a titular
-- and a suplente). Each row is one vote task a suplente took over: whose seat it is (the titular the model
-- assigned it to), who stood in, why, and when the vote was cast. The vote itself stays the seat's (one per seat
-- in cc_facilitator_vote, cc_approval_vote, cc_commitment_vote and cc_amendment_vote); this row says who cast it.
-- A stand-in given back before voting is deleted. Portable SQL: runs on H2 2.x and PostgreSQL.

create table cc_stand_in (
  task_id        varchar(64)    primary key,
  exercise_id    varchar(64)    not null references cc_exercise (id),
  task_key       varchar(64)    not null,
  task_name      varchar(500)   not null,
  sector         varchar(32)    not null,
  seat_user_id   varchar(255)   not null,                      -- the titular the vote belongs to
  stand_in_user_id varchar(255) not null,                      -- the suplente of the same sector who votes
  reason         varchar(1000),
  taken_at       timestamp      not null,
  voted_at       timestamp
);

create index cc_stand_in_exercise on cc_stand_in (exercise_id);
