-- Budgets for CI (issue 16): what a run or comparison was asked to meet, and where to say that it ended.
-- expect_json: the validated `expect` object as sent ({"makespanMs": {"max": 3500}, ...}); null without one.
-- The verdict is not stored: it is worked out from expect_json and the saved result whenever the run is shown.
-- notify_url: the webhook to POST the final summary to once it ends; null without one. The runs of a
-- comparison carry neither: the comparison does.
alter table runs add column expect_json text;
alter table runs add column notify_url text;
alter table comparisons add column expect_json text;
alter table comparisons add column notify_url text;

-- Idempotency-Key of POST /runs, /compare (and /sweeps): one row per owner and key, made in the same
-- transaction as the resource, so two instances racing with one key make one resource (the primary key decides;
-- the loser's transaction, run rows included, rolls back and it answers with the winner's resource).
-- request_hash: SHA-256 (hex) of the endpoint and the request body as read; a different body is a 422.
create table idempotency_keys (
    owner_id      varchar(64) not null references owners (id) on delete cascade,
    idem_key      varchar(255) not null,
    request_hash  varchar(64) not null,
    resource_id   varchar(36) not null,
    status_code   integer not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    primary key (owner_id, idem_key)
);
create index idempotency_keys_expires on idempotency_keys (expires_at);

-- Each owner's webhook signing secret (HMAC-SHA256 key). Kept in the clear: the service must sign with it.
-- Rotating replaces the row; deliveries signed before keep the old signature.
create table webhook_secrets (
    owner_id    varchar(64) primary key references owners (id) on delete cascade,
    secret      varchar(64) not null,
    created_at  timestamptz not null
);

-- One delivery per run or comparison (subject_id is the primary key): the instance whose insert makes the row
-- delivers it, so two instances that both see the end send one POST. status: pending | delivered | failed.
create table webhook_deliveries (
    subject_id        varchar(36) primary key,
    owner_id          varchar(64) not null references owners (id) on delete cascade,
    url               text not null,
    instance_id       varchar(64) not null,
    status            varchar(16) not null,
    attempts          integer not null default 0,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz not null,
    finished_at       timestamptz
);
