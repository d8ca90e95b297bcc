-- Issue 24, part 1: an uploaded protocol's rows go into form_response_row by COPY, 200 000 at a
-- time. The foreign key to form_response made PostgreSQL look the response up once per row (a
-- third of the COPY's time: 0.75 of 2.2 s for 200 000 rows), for a response the same transaction
-- has just created or locked — the rows are only ever written by forms.ResponseContentStore and
-- forms.UploadedRowsStore, for the response whose generation they claimed.
-- What the key also did, removing a response's rows with it, is kept by a statement trigger: one
-- delete for all the responses a statement removes (a form's or a campaign's cascade among them).
alter table form_response_row drop constraint form_response_row_response_id_fkey;

create function form_response_rows_gone() returns trigger
    language plpgsql as
$$
begin
    delete from form_response_row w using gone g where w.response_id = g.id;
    return null;
end
$$;

create trigger form_response_rows_gone
    after delete on form_response
    referencing old table as gone
    for each statement execute function form_response_rows_gone();
