-- Change feed (issue 23). The relay numbers every outbox row with outbox_seq when it publishes
-- it. It relays under a transaction-scoped advisory lock, one batch at a time, so a batch's
-- numbers are taken and committed before the next batch takes any: a reader that sees number n
-- has already been able to see every number below n. Reading `seq > cursor` therefore never
-- skips a row committed late (an outbox id is taken at insert, long before commit, which is why
-- the id itself cannot be the cursor) and never repeats one.
create sequence outbox_seq;

alter table outbox
    add column seq bigint,
    -- Where the event belongs, for the scope rule: copied from the event's own fields.
    add column region_code text generated always as (payload ->> 'regionCode') stored,
    add column organization_id bigint
        generated always as (case when jsonb_typeof(payload -> 'organizationId') = 'number'
                                  then (payload ->> 'organizationId')::bigint end) stored;

-- What was published before numbering existed, numbered in id order.
update outbox o
set seq = numbered.n
from (select id, row_number() over (order by id) as n from outbox where published_at is not null) numbered
where o.id = numbered.id;

select setval('outbox_seq', coalesce((select max(seq) from outbox), 0) + 1, false);

create unique index outbox_by_seq on outbox (seq) where seq is not null;
create index outbox_by_region_seq on outbox (region_code, seq) where seq is not null;

-- The key that signs change-feed cursors, one for every instance.
create table change_cursor_key (
    id     smallint primary key check (id = 1),
    secret bytea not null
);
-- gen_random_uuid() is PostgreSQL's cryptographic random source without an extension.
insert into change_cursor_key (id, secret)
values (1, decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
