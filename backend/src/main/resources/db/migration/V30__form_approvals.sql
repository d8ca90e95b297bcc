-- Approval up the hierarchy (issue 20): a municipality (or the responsible coordinator, for an
-- organization under none) accepts its organizations' submitted reports or returns one with a
-- comment; the region accepts what the municipality accepted.

-- Whether a form's reports go through acceptance: null is the default (on for results protocols:
-- a subject's forms filled by organizations).
alter table form_definition add column approval boolean;

-- The current acceptance of a response; none: pending once the response is submitted.
create table form_approval (
    response_id  bigint      primary key references form_response (id) on delete cascade,
    form_id      bigint      not null references form_definition (id) on delete cascade,
    state        text        not null
                     check (state in ('MUNICIPALITY_ACCEPTED', 'REGION_ACCEPTED', 'RETURNED')),
    comment      text,
    decided_by   text        not null,
    decided_at   timestamptz not null,
    check ((state = 'RETURNED') = (comment is not null))
);

create index form_approval_by_form on form_approval (form_id, state);

-- Every decision, for the report's history (who accepted or returned it, when, why).
create table form_approval_event (
    id          bigint generated always as identity primary key,
    response_id bigint      not null references form_response (id) on delete cascade,
    action      text        not null check (action in ('ACCEPT', 'RETURN')),
    level       text        not null check (level in ('MUNICIPALITY', 'REGION')),
    comment     text,
    by_login    text        not null,
    at          timestamptz not null
);

create index form_approval_event_by_response on form_approval_event (response_id, id);
