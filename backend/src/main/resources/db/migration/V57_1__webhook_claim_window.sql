-- The webhook dispatcher's claim (issue 23, "Webhooks"; docs/benchmarks.md «Webhooks at scale»):
-- each endpoint's oldest pending deliveries in id order, a window of them per claim, instead of
-- grouping every pending delivery of every endpoint on every tick (100 000 events to 10 endpoints
-- left ~900 000 pending rows to group a few times a second).
create index webhook_delivery_pending_order on webhook_delivery (endpoint_id, id)
    where status = 'PENDING';
