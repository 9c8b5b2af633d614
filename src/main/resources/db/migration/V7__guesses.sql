-- Guess-first answers (issue 12): one row per question answered about a run, owner-private; the owner may
-- show it on the run's share page (shared). question/answer/grade are the service's JSON views.
create table guesses (
    id              varchar(36) primary key,
    run_id          varchar(36) not null references runs (id) on delete cascade,
    owner_id        varchar(64) not null references owners (id) on delete cascade,
    question_json   text not null,
    answer_json     text not null,
    grade_json      text not null,
    score           integer not null check (score between 0 and 100),
    correct         boolean not null,
    misconception   varchar(40),
    shared          boolean not null default false,
    created_at      timestamptz not null
);
create index guesses_run_created on guesses (run_id, created_at);
create index guesses_owner_created on guesses (owner_id, created_at desc);
