-- Personal calendar feeds (issue 16): each person may have one secret feed URL (/calendario/<token>.ics)
-- with their open tasks and their entidad's milestones. Only the SHA-256 (hex) of the token is stored,
-- never the token itself; renewing replaces the row, so the old URL stops working at once.
-- Portable SQL: runs on H2 2.x and PostgreSQL.

create table cc_calendar_token (
  user_id     varchar(255) not null primary key,
  token_hash  varchar(64)  not null,
  created_at  timestamp    not null,
  constraint cc_calendar_token_hash unique (token_hash)
);
