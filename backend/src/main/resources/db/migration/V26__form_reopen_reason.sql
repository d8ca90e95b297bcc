-- Issue 22, «Форма возвращена»: who reopened a submitted response last (the respondent's
-- «Редактировать», or a coordinator above it returning the report), when, and the reason given.
alter table form_response
    add column reopened_at              timestamptz,
    add column reopened_by              text,
    add column reopened_by_coordinator  boolean not null default false,
    add column reopen_reason            text check (char_length(reopen_reason) <= 1000);
