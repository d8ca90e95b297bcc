-- Issue 20: what a publication carries as its «Сбор данных» block (seed 001: «откройте публикацию
-- „Электронный протокол 1“ … блок „Сбор данных“»; seed 004 6.13.2, 6.13.5): one form of the
-- publication's campaign, or a tool — protocol 1 of an ОМК, the codes protocol of a ВПР —
-- optionally for one subject. At most one per publication; gone with it.
create table publication_data_collection (
    publication_id bigint primary key references publication (id) on delete cascade,
    kind text not null check (kind in ('FORM', 'PROTOCOL1', 'CODES_PROTOCOL')),
    form_id bigint references form_definition (id) on delete cascade,
    subject_key text,
    set_by text not null,
    set_at timestamptz not null,
    check ((kind = 'FORM') = (form_id is not null))
);
