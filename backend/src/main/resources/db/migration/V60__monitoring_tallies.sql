-- Issue 24, part 3: a country's monitoring reads a few thousand stored counts instead of counting
-- a million rows on every request. Each tally is kept exact by triggers in the transaction of the
-- write that changes what it counts (as organization_tally, V3, and forum_section_tally, V38), so
-- it is never behind what a reader of the rows themselves would see, and needs no event replay.

-- Questionnaires (owner: questionnaires): sessions per point, subject and status. The submit hot
-- path fires only the update trigger, once per session, and only when the status changes (an
-- autosave does not set it); a session start adds through the statement trigger.
create table questionnaire_session_tally (
    campaign_id     bigint not null,
    organization_id bigint not null,
    subject_key     text   not null,
    status          text   not null,
    region_code     text   not null,
    sessions        bigint not null,
    primary key (campaign_id, organization_id, subject_key, status)
);
create index questionnaire_session_tally_by_region
    on questionnaire_session_tally (campaign_id, region_code);

insert into questionnaire_session_tally
    (campaign_id, organization_id, subject_key, status, region_code, sessions)
select campaign_id, organization_id, subject_key, status, min(region_code), count(*)
from questionnaire_session group by 1, 2, 3, 4;

create function questionnaire_session_tally_add(c bigint, o bigint, s text, st text, r text,
                                                delta bigint) returns void
language sql as $$
    insert into questionnaire_session_tally as t
        (campaign_id, organization_id, subject_key, status, region_code, sessions)
    values (c, o, s, st, r, delta)
    on conflict (campaign_id, organization_id, subject_key, status)
        do update set sessions = t.sessions + excluded.sessions;
$$;

create function questionnaire_session_tally_insert() returns trigger language plpgsql as $$
begin
    insert into questionnaire_session_tally as t
        (campaign_id, organization_id, subject_key, status, region_code, sessions)
    select campaign_id, organization_id, subject_key, status, min(region_code), count(*)
    from new_rows group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict (campaign_id, organization_id, subject_key, status)
        do update set sessions = t.sessions + excluded.sessions;
    return null;
end $$;

create function questionnaire_session_tally_delete() returns trigger language plpgsql as $$
begin
    update questionnaire_session_tally t set sessions = t.sessions - d.n
    from (select campaign_id, organization_id, subject_key, status, count(*) as n
          from old_rows group by 1, 2, 3, 4) d
    where t.campaign_id = d.campaign_id and t.organization_id = d.organization_id
      and t.subject_key = d.subject_key and t.status = d.status;
    return null;
end $$;

-- Row by row, in a fixed order (the old key's row first, then the new one's): a submission
-- touches two tally rows and never waits for another in the opposite order.
create function questionnaire_session_tally_update() returns trigger language plpgsql as $$
begin
    perform questionnaire_session_tally_add(old.campaign_id, old.organization_id,
        old.subject_key, old.status, old.region_code, -1);
    perform questionnaire_session_tally_add(new.campaign_id, new.organization_id,
        new.subject_key, new.status, new.region_code, 1);
    return null;
end $$;

create trigger questionnaire_session_tally_on_insert after insert on questionnaire_session
    referencing new table as new_rows
    for each statement execute function questionnaire_session_tally_insert();
create trigger questionnaire_session_tally_on_delete after delete on questionnaire_session
    referencing old table as old_rows
    for each statement execute function questionnaire_session_tally_delete();
create trigger questionnaire_session_tally_on_update
    after update of status, campaign_id, organization_id, subject_key on questionnaire_session
    for each row
    when (old.status is distinct from new.status
          or old.campaign_id is distinct from new.campaign_id
          or old.organization_id is distinct from new.organization_id
          or old.subject_key is distinct from new.subject_key)
    execute function questionnaire_session_tally_update();

-- Scans (owner: scans): current sheets per organization, subject and status (REPLACED ones too;
-- readers leave them out, as they leave out the replaced sheets). Status changes come in batches
-- (SheetStatusStore moves many sheets in one statement), so all three triggers are statement
-- triggers that sum their transition tables per key and write only non-zero differences.
create table scan_sheet_tally (
    campaign_id     bigint not null,
    region_code     text   not null,
    organization_id bigint not null,
    subject_key     text   not null,
    status          text   not null,
    sheets          bigint not null,
    primary key (campaign_id, region_code, organization_id, subject_key, status)
);

insert into scan_sheet_tally
    (campaign_id, region_code, organization_id, subject_key, status, sheets)
select campaign_id, region_code, organization_id, subject_key, status, count(*)
from scan_sheet group by 1, 2, 3, 4, 5;

create function scan_sheet_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into scan_sheet_tally as t
            (campaign_id, region_code, organization_id, subject_key, status, sheets)
        select campaign_id, region_code, organization_id, subject_key, status, count(*)
        from new_rows group by 1, 2, 3, 4, 5
        order by 1, 2, 3, 4, 5
        on conflict (campaign_id, region_code, organization_id, subject_key, status)
            do update set sheets = t.sheets + excluded.sheets;
    elsif tg_op = 'DELETE' then
        update scan_sheet_tally t set sheets = t.sheets - d.n
        from (select campaign_id, region_code, organization_id, subject_key, status, count(*) as n
              from old_rows group by 1, 2, 3, 4, 5) d
        where t.campaign_id = d.campaign_id and t.region_code = d.region_code
          and t.organization_id = d.organization_id and t.subject_key = d.subject_key
          and t.status = d.status;
    else
        insert into scan_sheet_tally as t
            (campaign_id, region_code, organization_id, subject_key, status, sheets)
        select campaign_id, region_code, organization_id, subject_key, status, sum(n)
        from (select campaign_id, region_code, organization_id, subject_key, status, -1 as n
              from old_rows
              union all
              select campaign_id, region_code, organization_id, subject_key, status, 1
              from new_rows) d
        group by 1, 2, 3, 4, 5
        having sum(n) <> 0
        order by 1, 2, 3, 4, 5
        on conflict (campaign_id, region_code, organization_id, subject_key, status)
            do update set sheets = t.sheets + excluded.sheets;
    end if;
    return null;
end $$;

create trigger scan_sheet_tally_on_insert after insert on scan_sheet
    referencing new table as new_rows
    for each statement execute function scan_sheet_tally_apply();
create trigger scan_sheet_tally_on_delete after delete on scan_sheet
    referencing old table as old_rows
    for each statement execute function scan_sheet_tally_apply();
create trigger scan_sheet_tally_on_update after update on scan_sheet
    referencing old table as old_rows new table as new_rows
    for each statement execute function scan_sheet_tally_apply();

-- Forms (owner: forms): per frozen version of a response, how many rows of each sheet pre-filled
-- with the point's kits (prefill KITS, protocol 2) are marked «использован» — what the
-- questionnaire monitoring's «kits used» sums. A frozen version never changes (its rows are kept
-- as they were), so the count is taken once, when the version is inserted, after its rows.
create table form_response_version_mark (
    response_id bigint  not null,
    number      integer not null,
    sheet       text    not null,
    used        integer not null,
    primary key (response_id, number, sheet),
    foreign key (response_id, number)
        references form_response_version (response_id, number) on delete cascade
);

create function form_response_version_marks(response bigint, gen integer)
    returns table (sheet text, used integer)
language sql stable as $$
    select w.sheet, count(*)::integer
    from form_response r
    join form_definition f on f.id = r.form_id and f.subject_key is not null
    cross join lateral jsonb_array_elements(f.schema->'sheets') s
    join form_response_row w on w.response_id = r.id and w.sheet = s->>'key'
         and w.valid_from <= gen and (w.valid_to is null or w.valid_to > gen)
    where r.id = response and s->>'prefill' = 'KITS'
      and w.cells->>'comment' = 'использован'
    group by w.sheet
$$;

insert into form_response_version_mark (response_id, number, sheet, used)
select v.response_id, v.number, m.sheet, m.used
from form_response_version v
cross join lateral form_response_version_marks(v.response_id, v.content_gen) m;

create function form_response_version_mark_track() returns trigger language plpgsql as $$
begin
    insert into form_response_version_mark (response_id, number, sheet, used)
    select new.response_id, new.number, m.sheet, m.used
    from form_response_version_marks(new.response_id, new.content_gen) m;
    return null;
end $$;

create trigger form_response_version_mark_on_insert after insert on form_response_version
    for each row execute function form_response_version_mark_track();
