-- Issue 24, part 3: a form's monitoring reads its totals from stored tallies instead of joining
-- and counting the scope's sampled schools (≈ 40 000 at a country's size) on every page. Both
-- tallies are kept exact by triggers in the transaction of the write, as V60's are. They count
-- what the monitoring lists: the published sample's SELECTED organizations, placed where the
-- organization is now (its region, municipality or none, kind), and those of them that have a
-- response to a form, by status. No foreign keys: a cascade (a campaign or form deleted) runs the
-- triggers after the parent is gone; the parent's own delete trigger (at the end) clears its rows.

-- Sample (owner: sample): participants per campaign, region, municipality (null: none) and kind.
create table sample_participant_tally (
    campaign_id     bigint not null,
    region_code     text   not null,
    municipality_id bigint,
    kind            text   not null,
    participants    bigint not null,
    unique nulls not distinct (campaign_id, region_code, municipality_id, kind)
);

-- Forms (owner: forms): the participants' responses per form, the same place, and status.
create table form_response_tally (
    form_id         bigint not null,
    region_code     text   not null,
    municipality_id bigint,
    kind            text   not null,
    status          text   not null,
    responses       bigint not null,
    unique nulls not distinct (form_id, region_code, municipality_id, kind, status)
);

insert into sample_participant_tally (campaign_id, region_code, municipality_id, kind, participants)
select e.campaign_id, o.region_code, o.municipality_id, o.kind, count(*)
from sample_entry e
join sample_publication p on p.campaign_id = e.campaign_id and p.region_code = e.region_code
join organization o on o.id = e.organization_id
where e.status = 'SELECTED'
group by 1, 2, 3, 4;

insert into form_response_tally (form_id, region_code, municipality_id, kind, status, responses)
select r.form_id, o.region_code, o.municipality_id, o.kind, r.status, count(*)
from form_response r
join form_definition f on f.id = r.form_id
join sample_entry e on e.campaign_id = f.campaign_id and e.organization_id = r.organization_id
                   and e.status = 'SELECTED'
join sample_publication p on p.campaign_id = e.campaign_id and p.region_code = e.region_code
join organization o on o.id = r.organization_id
group by 1, 2, 3, 4, 5;

-- Organizations that became (+1) or stopped being (-1) participants of a campaign, or moved (-1
-- at the old place, +1 at the new): their count, and their responses to the campaign's forms.
create function sample_participant_tally_shift(campaigns bigint[], orgs bigint[], regions text[],
                                               places bigint[], kinds text[], deltas bigint[])
    returns void
language sql as $$
    insert into sample_participant_tally as t
        (campaign_id, region_code, municipality_id, kind, participants)
    select x.c, x.r, x.m, x.k, sum(x.d)
    from unnest(campaigns, orgs, regions, places, kinds, deltas) as x(c, o, r, m, k, d)
    group by 1, 2, 3, 4
    having sum(x.d) <> 0
    order by 1, 2, 3, 4
    on conflict (campaign_id, region_code, municipality_id, kind)
        do update set participants = t.participants + excluded.participants;
    insert into form_response_tally as t
        (form_id, region_code, municipality_id, kind, status, responses)
    select f.id, x.r, x.m, x.k, fr.status, sum(x.d)
    from unnest(campaigns, orgs, regions, places, kinds, deltas) as x(c, o, r, m, k, d)
    join form_definition f on f.campaign_id = x.c
    join form_response fr on fr.form_id = f.id and fr.organization_id = x.o
    group by 1, 2, 3, 4, 5
    having sum(x.d) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (form_id, region_code, municipality_id, kind, status)
        do update set responses = t.responses + excluded.responses;
$$;

-- Sample entries before (-1) and after (+1) a statement: those SELECTED in a published region
-- count, netted per organization (a verification that changes no status nets to nothing).
create function sample_participant_tally_entries(campaigns bigint[], orgs bigint[],
                                                 regions text[], statuses text[], deltas bigint[])
    returns void
language sql as $$
    select sample_participant_tally_shift(array_agg(x.c), array_agg(x.o), array_agg(g.region_code),
                                          array_agg(g.municipality_id), array_agg(g.kind),
                                          array_agg(x.d))
    from (select x.c, x.o, sum(x.d)::bigint as d
          from unnest(campaigns, orgs, regions, statuses, deltas) as x(c, o, r, s, d)
          where x.s = 'SELECTED'
            and exists (select 1 from sample_publication p
                        where p.campaign_id = x.c and p.region_code = x.r)
          group by 1, 2
          having sum(x.d) <> 0) x
    join organization g on g.id = x.o;
$$;

create function sample_participant_tally_on_entries() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform sample_participant_tally_entries(array_agg(campaign_id), array_agg(organization_id),
            array_agg(region_code), array_agg(status), array_agg(1::bigint))
        from new_rows;
    elsif tg_op = 'DELETE' then
        perform sample_participant_tally_entries(array_agg(campaign_id), array_agg(organization_id),
            array_agg(region_code), array_agg(status), array_agg(-1::bigint))
        from old_rows;
    else
        perform sample_participant_tally_entries(array_agg(c), array_agg(o), array_agg(r),
            array_agg(s), array_agg(d))
        from (select campaign_id as c, organization_id as o, region_code as r, status as s,
                     -1::bigint as d
              from old_rows
              union all
              select campaign_id, organization_id, region_code, status, 1 from new_rows) x;
    end if;
    return null;
end $$;

create trigger sample_participant_tally_on_insert after insert on sample_entry
    referencing new table as new_rows
    for each statement execute function sample_participant_tally_on_entries();
create trigger sample_participant_tally_on_delete after delete on sample_entry
    referencing old table as old_rows
    for each statement execute function sample_participant_tally_on_entries();
create trigger sample_participant_tally_on_update after update on sample_entry
    referencing old table as old_rows new table as new_rows
    for each statement execute function sample_participant_tally_on_entries();

-- A region's sample published (+1) or withdrawn (-1): its SELECTED entries start or stop counting.
create function sample_participant_tally_published(campaigns bigint[], regions text[],
                                                   deltas bigint[])
    returns void
language sql as $$
    select sample_participant_tally_shift(array_agg(e.campaign_id), array_agg(e.organization_id),
        array_agg(g.region_code), array_agg(g.municipality_id), array_agg(g.kind), array_agg(x.d))
    from unnest(campaigns, regions, deltas) as x(c, r, d)
    join sample_entry e on e.campaign_id = x.c and e.region_code = x.r and e.status = 'SELECTED'
    join organization g on g.id = e.organization_id;
$$;

create function sample_participant_tally_on_publication() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform sample_participant_tally_published(array_agg(campaign_id), array_agg(region_code),
            array_agg(1::bigint))
        from new_rows;
    else
        perform sample_participant_tally_published(array_agg(campaign_id), array_agg(region_code),
            array_agg(-1::bigint))
        from old_rows;
    end if;
    return null;
end $$;

create trigger sample_participant_tally_on_publish after insert on sample_publication
    referencing new table as new_rows
    for each statement execute function sample_participant_tally_on_publication();
create trigger sample_participant_tally_on_unpublish after delete on sample_publication
    referencing old table as old_rows
    for each statement execute function sample_participant_tally_on_publication();

-- An organization moved to another region or municipality, or of another kind: its counts (and
-- its responses') leave the old place for the new one in every campaign it takes part in.
create function sample_participant_tally_on_move() returns trigger language plpgsql as $$
begin
    perform sample_participant_tally_shift(array_agg(x.c), array_agg(x.o), array_agg(x.r),
        array_agg(x.m), array_agg(x.k), array_agg(x.d))
    from (select e.campaign_id as c, e.organization_id as o, old.region_code as r,
                 old.municipality_id as m, old.kind as k, -1::bigint as d
          from sample_entry e
          join sample_publication p on p.campaign_id = e.campaign_id
                                   and p.region_code = e.region_code
          where e.organization_id = new.id and e.status = 'SELECTED'
          union all
          select e.campaign_id, e.organization_id, new.region_code, new.municipality_id, new.kind, 1
          from sample_entry e
          join sample_publication p on p.campaign_id = e.campaign_id
                                   and p.region_code = e.region_code
          where e.organization_id = new.id and e.status = 'SELECTED') x;
    return null;
end $$;

create trigger sample_participant_tally_on_move
    after update of region_code, municipality_id, kind on organization
    for each row
    when (old.region_code is distinct from new.region_code
          or old.municipality_id is distinct from new.municipality_id
          or old.kind is distinct from new.kind)
    execute function sample_participant_tally_on_move();

-- Responses of organizations before (-1) and after (+1) a write, counted where the organization
-- is a participant of the form's campaign. The participant's sample entry and its region's
-- publication are locked for share, so that a withdrawal committing meanwhile waits for this
-- transaction and then sees (and takes away) the response it adds.
create function form_response_tally_shift(forms bigint[], statuses text[], orgs bigint[],
                                          deltas bigint[])
    returns void
language sql as $$
    with locked as (
        select e.campaign_id, e.organization_id
        from unnest(forms, orgs) as x(f, o)
        join form_definition f on f.id = x.f
        join sample_entry e on e.campaign_id = f.campaign_id and e.organization_id = x.o
                           and e.status = 'SELECTED'
        join sample_publication p on p.campaign_id = e.campaign_id
                                 and p.region_code = e.region_code
        for share of e, p
    ),
    participant as (select distinct campaign_id, organization_id from locked)
    insert into form_response_tally as t
        (form_id, region_code, municipality_id, kind, status, responses)
    select x.f, g.region_code, g.municipality_id, g.kind, x.s, sum(x.d)
    from unnest(forms, statuses, orgs, deltas) as x(f, s, o, d)
    join form_definition f on f.id = x.f
    join participant e on e.campaign_id = f.campaign_id and e.organization_id = x.o
    join organization g on g.id = x.o
    group by 1, 2, 3, 4, 5
    having sum(x.d) <> 0
    order by 1, 2, 3, 4, 5
    on conflict (form_id, region_code, municipality_id, kind, status)
        do update set responses = t.responses + excluded.responses;
$$;

create function form_response_tally_on_rows() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform form_response_tally_shift(array_agg(form_id), array_agg(status),
            array_agg(organization_id), array_agg(1::bigint))
        from new_rows where organization_id is not null;
    else
        perform form_response_tally_shift(array_agg(form_id), array_agg(status),
            array_agg(organization_id), array_agg(-1::bigint))
        from old_rows where organization_id is not null;
    end if;
    return null;
end $$;

-- Row by row and only when the status (or the respondent) changes: an autosave fires nothing.
create function form_response_tally_on_update() returns trigger language plpgsql as $$
begin
    perform form_response_tally_shift(array[old.form_id, new.form_id],
        array[old.status, new.status], array[old.organization_id, new.organization_id],
        array[-1, 1]::bigint[]);
    return null;
end $$;

create trigger form_response_tally_on_insert after insert on form_response
    referencing new table as new_rows
    for each statement execute function form_response_tally_on_rows();
create trigger form_response_tally_on_delete after delete on form_response
    referencing old table as old_rows
    for each statement execute function form_response_tally_on_rows();
create trigger form_response_tally_on_update
    after update of status, form_id, organization_id on form_response
    for each row
    when (old.status is distinct from new.status
          or old.form_id is distinct from new.form_id
          or old.organization_id is distinct from new.organization_id)
    execute function form_response_tally_on_update();

-- A form or a campaign deleted: its cascades ran the triggers above after the parent row was gone
-- (so they could not place what they took away); its tally rows go with it, at the statement's end.
create function form_response_tally_forget() returns trigger language plpgsql as $$
begin
    delete from form_response_tally t using old_rows d where t.form_id = d.id;
    return null;
end $$;

create trigger form_response_tally_on_form_delete after delete on form_definition
    referencing old table as old_rows
    for each statement execute function form_response_tally_forget();

create function sample_participant_tally_forget() returns trigger language plpgsql as $$
begin
    delete from sample_participant_tally t using old_rows d where t.campaign_id = d.id;
    return null;
end $$;

create trigger sample_participant_tally_on_campaign_delete after delete on campaign
    referencing old table as old_rows
    for each statement execute function sample_participant_tally_forget();
