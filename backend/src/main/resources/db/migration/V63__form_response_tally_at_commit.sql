-- Issue 24: V62 counted a response in form_response_tally when it was written, which locked its
-- place's tally row (form, municipality, kind, status) until the writing transaction ended. An
-- upload's transaction lasts as long as its COPY (seconds for a large protocol), so the schools of
-- one municipality uploading at once waited for each other: 50 schools' p95 went from 5.5 to 8.4 s
-- (docs/benchmarks.md «Session 9, after CI»). Counted at commit instead — deferred constraint
-- triggers, row by row — the row is locked only while the transaction commits. Deletions (rare:
-- a form's or a campaign's cascade) stay as they were.
drop trigger form_response_tally_on_insert on form_response;
drop trigger form_response_tally_on_update on form_response;

create function form_response_tally_on_insert_row() returns trigger language plpgsql as $$
begin
    if new.organization_id is not null then
        perform form_response_tally_shift(array[new.form_id], array[new.status],
            array[new.organization_id], array[1]::bigint[]);
    end if;
    return null;
end $$;

create constraint trigger form_response_tally_on_insert
    after insert on form_response
    deferrable initially deferred
    for each row execute function form_response_tally_on_insert_row();

create constraint trigger form_response_tally_on_update
    after update of status, form_id, organization_id on form_response
    deferrable initially deferred
    for each row
    when (old.status is distinct from new.status
          or old.form_id is distinct from new.form_id
          or old.organization_id is distinct from new.organization_id)
    execute function form_response_tally_on_update();
