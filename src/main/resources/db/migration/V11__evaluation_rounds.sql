-- Step 6 over a PAL of more than a year (issue 16): INAI evaluates at the end of each year of implementation
-- counted from the launch (while before the end of the PAL) and at the end of the PAL; before each
-- evaluation the STL assesses itself. One row per round, in order: the yearly ones (1, 2 ...), then the final
-- one. A round without self_assessed_at had no self-assessment in time. Portable SQL: H2 2.x and PostgreSQL.
create table cc_evaluation_round (
  exercise_id       varchar(64)    not null references cc_exercise (id),
  round_number      integer        not null,             -- 1 = the first evaluation after the launch ...
  final_round       boolean        not null,             -- the evaluation at the end of the PAL
  period_end        timestamp      not null,             -- launch + n years, or the end of the PAL
  achievements      varchar(4000),                       -- the STL's self-assessment
  difficulties      varchar(4000),
  lessons           varchar(4000),
  self_assessed_at  timestamp,
  evaluated_at      timestamp,
  primary key (exercise_id, round_number)
);

-- INAI's yearly evaluation, per commitment (the final one stays in cc_commitment.completion and friends).
create table cc_round_assessment (
  exercise_id         varchar(64)    not null,
  round_number        integer        not null,
  commitment_position integer        not null,
  completion          varchar(16)    not null,
  notes               varchar(4000),
  primary key (exercise_id, round_number, commitment_position),
  constraint cc_round_assessment_round foreign key (exercise_id, round_number)
    references cc_evaluation_round (exercise_id, round_number)
);
