-- Classes (issue 13): a teacher's challenge (ordered steps), its sessions (a room with a join code), the students
-- who joined one, and their answers. The teacher is the owner who created the session.

create table class_challenges (
    id          varchar(36) primary key,
    owner_id    varchar(64) not null references owners (id) on delete cascade,
    title       varchar(200) not null,
    -- The steps as the teacher wrote them (graph, schedulers, questions, note), validated before saving.
    steps_json  text not null,
    created_at  timestamptz not null
);
create index class_challenges_owner on class_challenges (owner_id, created_at desc);

create table class_sessions (
    id            varchar(36) primary key,
    challenge_id  varchar(36) not null references class_challenges (id) on delete cascade,
    owner_id      varchar(64) not null references owners (id) on delete cascade,
    join_code     varchar(6) not null,
    -- service/classroom/ClassPhase: the wire names and the allowed transitions.
    phase         varchar(16) not null check (phase in ('answering', 'revealed', 'closed')),
    pacing        varchar(16) not null check (pacing in ('teacher', 'self')),
    current_step  integer not null check (current_step >= 0),
    variants      boolean not null,
    variant_seed  bigint not null,
    tolerance_pct double precision not null check (tolerance_pct >= 0 and tolerance_pct <= 100),
    created_at    timestamptz not null,
    closed_at     timestamptz
);
-- A code names at most one class that is not closed; a closed class keeps its code for the record only.
create unique index class_sessions_live_code on class_sessions (join_code) where phase <> 'closed';
create index class_sessions_owner on class_sessions (owner_id, created_at desc);

create table class_students (
    id            varchar(36) primary key,
    session_id    varchar(36) not null references class_sessions (id) on delete cascade,
    owner_id      varchar(64) not null references owners (id) on delete cascade,
    display_name  varchar(40) not null,
    -- Joining order (1, 2, ...): picks the student's variant, so a variant never depends on the name.
    seat          integer not null,
    joined_at     timestamptz not null,
    unique (session_id, owner_id),
    unique (session_id, seat)
);

-- One answer per student, step and question: a retry finds the row it already wrote (idempotent, no duplicate).
create table class_answers (
    session_id        varchar(36) not null references class_sessions (id) on delete cascade,
    student_id        varchar(36) not null references class_students (id) on delete cascade,
    step              integer not null,
    question          integer not null,
    answer_json       text not null,
    truth_json        text not null,
    guess_value       double precision,
    truth_value       double precision,
    error_ms          double precision,
    error_pct         double precision,
    score             integer not null,
    correct           boolean not null,
    misconception_id  varchar(64),
    misconception     text,
    answered_at       timestamptz not null,
    primary key (student_id, step, question)
);
create index class_answers_session_step on class_answers (session_id, step);
