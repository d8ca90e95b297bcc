-- API-client administration (issue 23, "Client administration": the federal organizer and regions
-- create their systems' clients, rotate a secret shown once, restrict them to event types and
-- operations, revoke them; audited). Null restrictions mean everything, as before.
alter table api_client
    add column event_types           text[],
    add column operations            text[],
    -- After a rotation the old secret keeps working until previous_secret_until.
    add column previous_secret_hash  text,
    add column previous_secret_until timestamptz,
    add column secret_rotated_at     timestamptz,
    add column created_by            text,
    add column revoked_at            timestamptz,
    add column revoked_by            text;
