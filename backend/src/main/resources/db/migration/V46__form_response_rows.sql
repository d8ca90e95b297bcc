-- Issue 24, part 1: a response's content is stored as rows of its own, not as one jsonb document.
-- A 200 000-row protocol was a 43 MB document that PostgreSQL parsed and compressed on every
-- write, that «Сдать отчёт» copied whole into form_response_version, and that an autosave of one
-- cell rewrote completely.
--
-- Every write of a response's content is a new generation of it (form_response.content_gen).
-- A row is visible in generations valid_from .. valid_to - 1 (valid_to null: still current).
-- A frozen version remembers the generation it froze (form_response_version.content_gen), so
-- freezing copies nothing, and versions share every row that did not change between them. A row
-- that no frozen version can see (valid_from > form_response.frozen_gen) is changed in place.
create table form_response_row (
    response_id bigint  not null references form_response (id) on delete cascade,
    sheet       text    not null,
    -- 1-based, in the order of the sheet
    position    integer not null,
    -- column key -> value as typed; empty cells left out
    cells       jsonb   not null,
    valid_from  integer not null,
    valid_to    integer,
    primary key (response_id, sheet, position, valid_from)
);

create index form_response_row_current
    on form_response_row (response_id, sheet, position) where valid_to is null;

alter table form_response
    add column content_gen integer not null default 1,
    add column frozen_gen integer not null default 0;
alter table form_response_version add column content_gen integer;

-- Existing content: version n of a response becomes generation n; its current content the next
-- generation, or the last version's generation when it is that version unchanged (submitted).
insert into form_response_row (response_id, sheet, position, cells, valid_from, valid_to)
select v.response_id, s.key, e.position::integer, e.cells, v.number, v.number + 1
from form_response_version v
join form_response r on r.id = v.response_id
cross join lateral jsonb_each(v.content) s
cross join lateral jsonb_array_elements(
    case when jsonb_typeof(s.value) = 'array' then s.value else '[]' end)
    with ordinality as e(cells, position)
where not (v.number = (select max(number) from form_response_version w
                       where w.response_id = v.response_id)
           and r.content = v.content);

insert into form_response_row (response_id, sheet, position, cells, valid_from, valid_to)
select r.id, s.key, e.position::integer, e.cells,
       coalesce((select max(number) from form_response_version v where v.response_id = r.id), 0)
           + case when exists (select 1 from form_response_version v
                               where v.response_id = r.id and v.content = r.content
                                 and v.number = (select max(number) from form_response_version w
                                                 where w.response_id = r.id))
                  then 0 else 1 end,
       null
from form_response r
cross join lateral jsonb_each(r.content) s
cross join lateral jsonb_array_elements(
    case when jsonb_typeof(s.value) = 'array' then s.value else '[]' end)
    with ordinality as e(cells, position);

update form_response_version set content_gen = number;
update form_response r
set frozen_gen = coalesce((select max(number) from form_response_version v
                           where v.response_id = r.id), 0),
    content_gen = coalesce((select max(number) from form_response_version v
                            where v.response_id = r.id), 0)
        + case when exists (select 1 from form_response_version v
                            where v.response_id = r.id and v.content = r.content
                              and v.number = (select max(number) from form_response_version w
                                              where w.response_id = r.id))
               then 0 else 1 end;

alter table form_response_version alter column content_gen set not null;
alter table form_response drop column content;
alter table form_response_version drop column content;

-- A response's content at a generation, as the document it used to be (sheet key -> rows), for
-- the few readers that need it whole in SQL. Java reads it through forms.ResponseContentStore.
create function form_response_content(response bigint, gen integer) returns jsonb
    language sql stable as
$$
    select coalesce(jsonb_object_agg(sheet, rows), '{}'::jsonb)
    from (select sheet, jsonb_agg(cells order by position) as rows
          from form_response_row
          where response_id = response and valid_from <= gen
            and (valid_to is null or valid_to > gen)
          group by sheet) s
$$;
