-- People who sign in. An organization's account has the organization's login.
create table account (
    id               bigint generated always as identity primary key,
    login            text        not null unique check (login ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name     text        not null,
    role             text        not null check (role in ('FEDERAL', 'REGIONAL', 'MUNICIPAL',
                         'RESPONSIBLE', 'ORGANIZATION', 'SCANNER', 'EXPERT', 'OBSERVER', 'PARTICIPANT')),
    region_code      text references region (code),
    municipality_id  bigint references municipality (id),
    organization_id  bigint references organization (id),
    password_hash    text,           -- null until credentials are issued
    password_set_at  timestamptz,
    disabled         boolean     not null default false,
    created_at       timestamptz not null default now()
);

-- Third-party regional systems (OAuth2 client credentials), each limited to one region.
create table api_client (
    client_id    text primary key check (client_id ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    name         text not null,
    secret_hash  text not null,
    region_code  text not null references region (code),
    disabled     boolean not null default false,
    created_at   timestamptz not null default now()
);

-- Rotating refresh tokens. Only a hash is kept. A family is one sign-in; presenting a token
-- that was already used revokes the whole family (it was stolen, or replayed).
create table refresh_token (
    token_hash   text primary key,
    family_id    uuid        not null,
    account_id   bigint      not null references account (id) on delete cascade,
    issued_at    timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_account on refresh_token (account_id) where revoked_at is null;

-- RS256 signing keys; the newest active one signs, all unexpired ones verify (JWKS).
create table signing_key (
    kid          text primary key,
    private_der  bytea       not null,
    public_der   bytea       not null,
    created_at   timestamptz not null default now(),
    retired_at   timestamptz
);

-- Failed sign-ins per login and per client address, for lock-out.
create table login_failure (
    throttle_key  text primary key,
    failures      int         not null,
    window_start  timestamptz not null,
    locked_until  timestamptz
);

-- Who did what, when, from where. Never holds a password or a token.
create table audit_event (
    id            bigint generated always as identity primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    actor_role    text,
    region_code   text,
    action        text        not null,
    target        text,
    outcome       text        not null,
    client_address text
);
create index audit_event_by_region on audit_event (region_code, id desc);
