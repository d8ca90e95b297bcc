-- A batch whose every byte has arrived is UNPACKING until its check and unpack end (DONE or
-- REJECTED): the last chunk's request no longer waits for it.
alter table scan_batch drop constraint scan_batch_status_check;
alter table scan_batch add constraint scan_batch_status_check
    check (status in ('RECEIVING', 'UNPACKING', 'DONE', 'REJECTED', 'CANCELLED'));

-- Batches cut short before this version: they are resumed like any interrupted unpack.
update scan_batch set status = 'UNPACKING' where status = 'RECEIVING' and received_bytes = size;
