-- Keyset paging on the remaining long lists (issue 23, "Conventions": «keyset (cursor) pagination
-- on every list that can pass 10 000 items»): a page with `after=`/`before=` is
-- `where campaign = … [and region = …] and id > :after order by id limit :size`. These indexes let
-- each such page read its `size` rows in key order instead of sorting a campaign's rows first.
-- Accounts walk `account (region_code, login)` and the login's unique index (V4, V22); downloads,
-- missing pages and questionnaire monitoring are computed per request over the caller's part, so
-- no index serves their order.
create index kit_range_keyset on kit_range (campaign_id, id);
create index scan_batch_keyset on scan_batch (campaign_id, region_code, id);
create index observer_assignment_keyset on observer_assignment (campaign_id, id);
