-- Webhooks of regional systems (issue 23). An endpoint belongs to a region (its administrator
-- registered it) or, with region_code null, to the federal organizer (every region's events).
create table webhook_endpoint (
    id                    bigint generated always as identity primary key,
    region_code           text references region (code),
    url                   text        not null,
    description           text,
    event_types           text[]      not null,
    -- The signing secret (whsec_…): needed in clear to sign, shown to its owner only once.
    secret                text        not null,
    -- After a rotation the old secret signs too, until previous_secret_until.
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null default 'ACTIVE', -- ACTIVE, FAILING, DISABLED
    failing_reason        text,
    failing_since         timestamptz,
    created_by            text        not null,
    created_at            timestamptz not null default now()
);
create index webhook_endpoint_by_region on webhook_endpoint (region_code);

-- One event to one endpoint. The Kafka consumer inserts it (once per endpoint and event, however
-- often the event arrives); the dispatcher sends it, the head of each (endpoint, event_key)
-- first, so one resource's events arrive in order.
create table webhook_delivery (
    id               bigint generated always as identity primary key,
    endpoint_id      bigint      not null references webhook_endpoint (id) on delete cascade,
    event_id         bigint      not null,
    event_type       text        not null,
    event_key        text        not null,
    body             text        not null,
    status           text        not null default 'PENDING', -- PENDING, DELIVERED, FAILED
    attempts         int         not null default 0,
    first_attempt_at timestamptz,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    unique (endpoint_id, event_id)
);
create index webhook_delivery_pending on webhook_delivery (endpoint_id, event_key, id)
    where status = 'PENDING';

-- The delivery log: every attempt, what the receiver answered and how long it took.
create table webhook_attempt (
    id               bigint generated always as identity primary key,
    delivery_id      bigint      not null references webhook_delivery (id) on delete cascade,
    endpoint_id      bigint      not null,
    attempted_at     timestamptz not null,
    response_status  int,
    latency_ms       int         not null,
    response_excerpt text,
    error            text
);
create index webhook_attempt_by_endpoint on webhook_attempt (endpoint_id, id desc);
