-- Materials logistics: return delivery packets (возвратные доставочные пакеты, ВДП) accepted
-- from organizations after the test. The inventory and the transfer statement are computed from
-- the published sample and need no tables of their own.
create table delivery_packet (
    id              bigint generated always as identity primary key,
    campaign_id     bigint      not null references campaign (id) on delete cascade,
    -- the number printed on the packet; one packet is accepted once per campaign
    packet_number   text        not null check (packet_number ~ '^[0-9A-Za-z-]{1,32}$'),
    organization_id bigint      not null references organization (id),
    -- copied from the organization so that lists filter by region without a join
    region_code     text        not null references region (code),
    accepted_by     text        not null,
    accepted_at     timestamptz not null,
    note            text check (char_length(note) <= 500),
    unique (campaign_id, packet_number)
);

create index delivery_packet_latest on delivery_packet (campaign_id, region_code, accepted_at desc, id desc);
create index delivery_packet_by_organization on delivery_packet (campaign_id, organization_id);
