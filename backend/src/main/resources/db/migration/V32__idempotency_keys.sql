-- Idempotency-Key (issue 23, "Conventions every integrator expects"): a POST repeated with the
-- same key by the same caller answers what the first one answered instead of creating again.
-- A row is claimed before the request runs (the primary key turns a concurrent duplicate away),
-- completed with the response when it succeeds, and deleted when it fails so a retry runs anew.
create table idempotency_key (
  caller       text        not null,
  key          text        not null,
  target       text        not null,              -- method, path and query of the first request
  body_sha256  bytea,                             -- null while running, or if the body was not read whole
  status       int,                               -- null while the first request runs
  content_type text,
  location     text,
  body         bytea,                             -- null if too large to keep
  created_at   timestamptz not null default now(),
  primary key (caller, key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
