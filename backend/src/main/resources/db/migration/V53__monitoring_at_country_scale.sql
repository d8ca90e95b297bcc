-- Issue 24, part 3: a country's monitoring.

-- The outbox relay is told when there is something to publish instead of only polling for it:
-- every statement that writes outbox rows notifies oko_outbox, which PostgreSQL delivers at
-- commit (once per transaction: equal notifications of a transaction are folded into one). The
-- relay listens on a connection of its own (platform.events.OutboxRelay) and keeps its poll as the
-- fallback.
create function outbox_notify() returns trigger language plpgsql as
$$
begin
    perform pg_notify('oko_outbox', '');
    return null;
end
$$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();

-- A region's questionnaire monitoring counts its own sessions (20 000 of a million in a large
-- region) instead of filtering the whole campaign's: sessions per point and status, by region.
create index questionnaire_session_by_region
    on questionnaire_session (campaign_id, region_code, organization_id, status);
