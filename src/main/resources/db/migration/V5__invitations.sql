-- Invitations (issue 5): accounts provisioned by the process get a single-use, expiring link to set
-- their own password. Only the SHA-256 (hex) of the token is stored, never the token itself.
-- Portable SQL: runs on H2 2.x and PostgreSQL.

create table cc_invitation (
  token_hash  varchar(64)  primary key,
  user_id     varchar(255) not null,
  created_at  timestamp    not null,
  expires_at  timestamp    not null,
  used_at     timestamp
);
create index cc_invitation_user on cc_invitation (user_id);
