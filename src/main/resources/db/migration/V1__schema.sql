-- Owners are anonymous browsers (cookie) or script users (tokens); ids are derived from secrets, never guessable.
create table owners (
    id          varchar(64) primary key,
    created_at  timestamptz not null
);

-- API tokens: only the SHA-256 of the token is stored; the token itself is shown once.
create table tokens (
    id          varchar(36) primary key,
    owner_id    varchar(64) not null references owners (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null
);

create table graphs (
    id          varchar(36) primary key,
    owner_id    varchar(64) not null references owners (id) on delete cascade,
    name        varchar(200),
    graph_json  text not null,
    task_count  integer not null,
    created_at  timestamptz not null
);
create index graphs_owner_created on graphs (owner_id, created_at desc);

create table comparisons (
    id          varchar(36) primary key,
    owner_id    varchar(64) not null references owners (id) on delete cascade,
    share_slug  varchar(32) not null unique,
    graph_json  text not null,
    graph_id    varchar(36),
    created_at  timestamptz not null
);

-- One row per run. Result columns are filled as the run goes; instance_id/heartbeat_at prepare runs owned by
-- one of several service instances (a lease) without being used for that yet.
create table runs (
    id              varchar(36) primary key,
    owner_id        varchar(64) not null references owners (id) on delete cascade,
    share_slug      varchar(32) not null unique,
    graph_id        varchar(36),
    comparison_id   varchar(36) references comparisons (id) on delete cascade,
    position        integer not null default 0,
    status          varchar(16) not null,
    reason          text,
    graph_json      text not null,
    scheduler_json  text not null,
    predicted_json  text,
    result_json     text,
    makespan_ms     double precision,
    predicted_ms    double precision,
    event_count     bigint not null default 0,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    instance_id     varchar(64),
    heartbeat_at    timestamptz
);
create index runs_owner_created on runs (owner_id, created_at desc);
create index runs_status on runs (status);
create index runs_comparison on runs (comparison_id, position);

-- A run's events in batches (checkpoints): first_seq..last_seq inclusive, as a JSON array of EventView.
create table run_events (
    run_id      varchar(36) not null references runs (id) on delete cascade,
    first_seq   bigint not null,
    last_seq    bigint not null,
    events_json text not null,
    primary key (run_id, first_seq)
);
