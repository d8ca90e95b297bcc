-- Counts of organizations per region, municipality and kind, kept exact by a trigger in the
-- same transaction as every change. Lists, the region tree and paging totals read these few
-- rows instead of counting tens of thousands of organizations on every request.
create table organization_tally (
    region_code      text   not null,
    -- 0 stands for "no municipality" so the key can be unique
    municipality_key bigint not null,
    kind             text   not null,
    n                bigint not null,
    primary key (region_code, municipality_key, kind)
);

create function organization_tally_apply(r text, m bigint, k text, delta int) returns void
language sql as $$
    insert into organization_tally (region_code, municipality_key, kind, n)
    values (r, coalesce(m, 0), k, delta)
    on conflict (region_code, municipality_key, kind)
        do update set n = organization_tally.n + excluded.n;
$$;

create function organization_tally_track() returns trigger
language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform organization_tally_apply(old.region_code, old.municipality_id, old.kind, -1);
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
        perform organization_tally_apply(new.region_code, new.municipality_id, new.kind, 1);
    end if;
    return null;
end;
$$;

create trigger organization_tally_track
    after insert or delete or update of region_code, municipality_id, kind on organization
    for each row execute function organization_tally_track();

insert into organization_tally (region_code, municipality_key, kind, n)
select region_code, coalesce(municipality_id, 0), kind, count(*)
from organization
group by 1, 2, 3;
