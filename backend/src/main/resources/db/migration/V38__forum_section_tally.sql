-- The forum's stored tally (issue 22): how many questions each section holds, per thread (''
-- the common one, else a region's own thread) and hidden flag, so the section list and a list's
-- total read a handful of rows instead of counting every question (p95 279 ms over 12 500 rows
-- per section in docs/benchmarks.md). Kept by statement triggers in the transaction of the
-- insert, update or delete that changes a question, so it is never behind what a reader sees.

create table forum_section_tally (
    section_id     bigint  not null references forum_section (id),
    thread         text    not null,   -- '' the common thread, else the region's code
    hidden         boolean not null,
    questions      bigint  not null default 0, -- every status but MERGED
    open_questions bigint  not null default 0, -- status OPEN
    primary key (section_id, thread, hidden)
);

insert into forum_section_tally (section_id, thread, hidden, questions, open_questions)
select section_id, coalesce(regional_thread, ''), hidden,
       count(*) filter (where status <> 'MERGED'), count(*) filter (where status = 'OPEN')
from forum_question group by 1, 2, 3;

-- Each trigger adds (insert) or removes (delete) its transition table's rows, grouped per key.
create function forum_tally_insert() returns trigger language plpgsql as $$
begin
    insert into forum_section_tally as t (section_id, thread, hidden, questions, open_questions)
    select section_id, coalesce(regional_thread, ''), hidden,
           count(*) filter (where status <> 'MERGED'), count(*) filter (where status = 'OPEN')
    from new_rows group by 1, 2, 3
    on conflict (section_id, thread, hidden) do update
        set questions = t.questions + excluded.questions,
            open_questions = t.open_questions + excluded.open_questions;
    return null;
end $$;

create function forum_tally_delete() returns trigger language plpgsql as $$
begin
    update forum_section_tally t
    set questions = t.questions - d.questions, open_questions = t.open_questions - d.open_questions
    from (select section_id, coalesce(regional_thread, '') as thread, hidden,
                 count(*) filter (where status <> 'MERGED') as questions,
                 count(*) filter (where status = 'OPEN') as open_questions
          from old_rows group by 1, 2, 3) d
    where t.section_id = d.section_id and t.thread = d.thread and t.hidden = d.hidden;
    return null;
end $$;

-- An update changes the tally only when a counted column changed: the differences are summed per
-- key and only non-zero ones written, so the answer's «last activity» update touches nothing.
create function forum_tally_update() returns trigger language plpgsql as $$
begin
    insert into forum_section_tally as t (section_id, thread, hidden, questions, open_questions)
    select section_id, thread, hidden, sum(questions), sum(open_questions)
    from (select section_id, coalesce(regional_thread, '') as thread, hidden,
                 -(status <> 'MERGED')::int as questions, -(status = 'OPEN')::int as open_questions
          from old_rows
          union all
          select section_id, coalesce(regional_thread, ''), hidden,
                 (status <> 'MERGED')::int, (status = 'OPEN')::int
          from new_rows) d
    group by 1, 2, 3
    having sum(questions) <> 0 or sum(open_questions) <> 0
    on conflict (section_id, thread, hidden) do update
        set questions = t.questions + excluded.questions,
            open_questions = t.open_questions + excluded.open_questions;
    return null;
end $$;

create trigger forum_tally_on_insert after insert on forum_question
    referencing new table as new_rows for each statement execute function forum_tally_insert();
create trigger forum_tally_on_delete after delete on forum_question
    referencing old table as old_rows for each statement execute function forum_tally_delete();
create trigger forum_tally_on_update after update on forum_question
    referencing old table as old_rows new table as new_rows
    for each statement execute function forum_tally_update();

-- A campaign's first page without a section (every section, pinned first, latest activity) reads
-- the index in order and stops after the page, instead of sorting the campaign's questions.
create index forum_question_campaign_page on forum_question
    (campaign_id, pinned desc, last_activity_at desc, id desc) where status <> 'MERGED';
