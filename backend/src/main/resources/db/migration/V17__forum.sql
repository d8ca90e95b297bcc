-- The support forum (issue 22): sections per campaign (campaign_id null: the general forum),
-- questions and answers with attachments, the per-account posting quota; and the personal
-- notifications the bell shows.

create extension if not exists pg_trgm;

create table forum_section (
    id          bigserial primary key,
    campaign_id bigint,                         -- null: the general forum
    title       text    not null,
    delegated   boolean not null default false, -- regional coordinators answer their region here
    position    int     not null default 0,
    created_at  timestamptz not null
);
create index forum_section_campaign on forum_section (campaign_id, position);

create table forum_question (
    id               bigserial primary key,
    section_id       bigint  not null references forum_section (id),
    campaign_id      bigint,                    -- the section's, copied for the visibility filter
    regional_thread  text,                   -- a region's own thread: its organizers only
    title            text    not null,
    body             text    not null,
    author_login     text    not null,
    author_role      text    not null,
    author_region    text,
    status           text    not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'MERGED')),
    accepted_answer_id bigint,
    merged_into_id   bigint references forum_question (id),
    pinned           boolean not null default false,
    locked           boolean not null default false,
    hidden           boolean not null default false,
    answers          int     not null default 0,
    created_at       timestamptz not null,
    last_activity_at timestamptz not null,
    search           tsvector generated always as (
        setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('russian', body), 'B')
    ) stored
);
create index forum_question_list on forum_question (campaign_id, section_id, pinned desc, last_activity_at desc);
create index forum_question_author on forum_question (author_login, created_at desc);
create index forum_question_search on forum_question using gin (search);
create index forum_question_title_trgm on forum_question using gin (title gin_trgm_ops);

create table forum_answer (
    id           bigserial primary key,
    question_id  bigint not null references forum_question (id),
    body         text   not null,
    author_login text   not null,
    author_role  text   not null,
    author_region text,
    hidden       boolean not null default false,
    created_at   timestamptz not null,
    search       tsvector generated always as (to_tsvector('russian', body)) stored
);
create index forum_answer_question on forum_answer (question_id, id);
create index forum_answer_search on forum_answer using gin (search);

alter table forum_question
    add constraint forum_question_accepted foreign key (accepted_answer_id) references forum_answer (id);

create table forum_attachment (
    id            bigserial primary key,
    uploader_login text  not null,
    question_id   bigint references forum_question (id),
    answer_id     bigint references forum_answer (id),
    file_name     text   not null,
    blob_key      text   not null,
    size          bigint not null,
    sha256        text   not null,
    created_at    timestamptz not null
);
create index forum_attachment_question on forum_attachment (question_id) where question_id is not null;
create index forum_attachment_answer on forum_attachment (answer_id) where answer_id is not null;

-- Posting quota per account, counted in one statement so every instance agrees.
create table forum_post_quota (
    login        text primary key,
    window_start timestamptz not null,
    posts        int not null
);

-- The bell: one row per account and subject (a publication, an answer, a question), so a
-- redelivered or repeated event changes the row instead of adding another.
create table notification (
    id            bigserial primary key,
    account_login text   not null,
    subject       text   not null,   -- publication:12, forum-answer:5, forum-question:7
    kind          text   not null,
    title         text   not null,
    text          text   not null,
    link          text,
    created_at    timestamptz not null,
    visible_at    timestamptz not null, -- a publication's release time
    read_at       timestamptz,
    unique (account_login, subject)
);
create index notification_account on notification (account_login, visible_at desc, id desc);
create index notification_unread on notification (account_login, visible_at) where read_at is null;
create index notification_subject on notification (subject);
