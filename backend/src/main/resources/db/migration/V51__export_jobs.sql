-- Background exports (issue 23, "Bulk exports of any size": «large exports can also run as a
-- background job whose file is kept for a day and downloaded with Range»). A job runs one of the
-- streamed exports as the account or regional system that started it; only that owner sees the
-- job. Its file goes to the blob store; the job and the file are removed a day after the start.
create table export_job (
    id           uuid primary key,
    owner        text        not null,
    source       text        not null,
    status       text        not null default 'RUNNING', -- RUNNING, DONE, FAILED
    file_name    text,
    content_type text,
    blob_key     text,
    size         bigint,
    sha256       text,
    error        text,
    created_at   timestamptz not null,
    finished_at  timestamptz,
    -- Renewed every half minute while the export runs: a job whose instance stopped is found so.
    heartbeat_at timestamptz not null,
    expires_at   timestamptz not null
);
create index export_job_by_owner on export_job (owner, created_at desc);
create index export_job_by_expiry on export_job (expires_at);
