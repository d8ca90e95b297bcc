-- Issue 22: notifications that appear later (below), and the forum search's typo correction.

-- Notifications that appear later than they are stored (a publication's release time, issue 22):
-- one row per subject until its time comes. Whichever instance polls first claims the due rows
-- (for update skip locked), announces them (notifications.NotificationsAdded through the outbox,
-- in the same transaction) and deletes them, so a restart or a second instance loses or repeats
-- nothing and no instance keeps a timer in memory.
create table notification_due (
    subject text primary key,           -- publication:12, as in notification.subject
    due_at  timestamptz not null
);
create index notification_due_at on notification_due (due_at);

-- The forum search's typo correction (issue 22): every word of the questions' titles and texts
-- and of the answers, once (a few thousand rows however many messages), with a trigram index. A
-- mistyped word of a search is replaced by its nearest word here, and the search runs as a
-- full-text search on the index it already has — instead of a trigram scan of every title, which
-- took 145 ms (and 1.8 s when a word was in every title) over 100 000 messages.
create table forum_word (
    word text primary key
);
create index forum_word_trgm on forum_word using gist (word gist_trgm_ops);

create function forum_words_of(body text) returns setof text
    language sql immutable
    as $$ select distinct lower(w) from regexp_split_to_table(body, '[^[:alpha:]]+') w
          where length(w) between 3 and 40 $$;

create function forum_word_collect() returns trigger
    language plpgsql
    as $$
begin
    if tg_table_name = 'forum_question' then
        insert into forum_word (word)
        select forum_words_of(new.title || ' ' || new.body) on conflict do nothing;
    else
        insert into forum_word (word) select forum_words_of(new.body) on conflict do nothing;
    end if;
    return null;
end $$;

create trigger forum_question_words after insert or update of title, body on forum_question
    for each row execute function forum_word_collect();
create trigger forum_answer_words after insert or update of body on forum_answer
    for each row execute function forum_word_collect();

insert into forum_word (word)
select forum_words_of(title || ' ' || body) from forum_question
union
select forum_words_of(body) from forum_answer
on conflict do nothing;
