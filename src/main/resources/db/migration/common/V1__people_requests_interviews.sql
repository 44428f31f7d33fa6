-- One set of migrations for H2 and PostgreSQL: portable types only.
-- Every instant is stored in UTC as TIMESTAMP WITH TIME ZONE.

CREATE TABLE division (
    id   UUID         NOT NULL PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    CONSTRAINT uq_division_name UNIQUE (name)
);

CREATE TABLE person (
    id           UUID         NOT NULL PRIMARY KEY,
    username     VARCHAR(100) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    division_id  UUID         NOT NULL REFERENCES division (id),
    title        VARCHAR(200) NOT NULL,
    level        INTEGER      NOT NULL,
    manager_id   UUID         REFERENCES person (id),
    time_zone    VARCHAR(64)  NOT NULL,
    leader       BOOLEAN      NOT NULL,
    hr           BOOLEAN      NOT NULL,
    active       BOOLEAN      NOT NULL,
    CONSTRAINT uq_person_username UNIQUE (username)
);
CREATE INDEX ix_person_division ON person (division_id);
CREATE INDEX ix_person_manager ON person (manager_id);
CREATE INDEX ix_person_display_name ON person (display_name);

-- Passwords for HTTP Basic and the login page; absent in OIDC mode.
CREATE TABLE credential (
    person_id     UUID         NOT NULL PRIMARY KEY REFERENCES person (id),
    password_hash VARCHAR(200) NOT NULL
);

CREATE TABLE leader_profile (
    person_id           UUID          NOT NULL PRIMARY KEY REFERENCES person (id),
    accepting_requests  BOOLEAN       NOT NULL,
    bio                 VARCHAR(2000) NOT NULL,
    monthly_cap         INTEGER       NOT NULL,
    lengths             VARCHAR(40)   NOT NULL,
    formats             VARCHAR(60)   NOT NULL,
    version             BIGINT        NOT NULL
);

CREATE TABLE leader_topic (
    person_id UUID        NOT NULL REFERENCES leader_profile (person_id),
    topic     VARCHAR(60) NOT NULL,
    CONSTRAINT pk_leader_topic PRIMARY KEY (person_id, topic)
);
CREATE INDEX ix_leader_topic_topic ON leader_topic (topic);

CREATE TABLE interview_request (
    id              UUID                     NOT NULL PRIMARY KEY,
    requester_id    UUID                     NOT NULL REFERENCES person (id),
    leader_id       UUID                     NOT NULL REFERENCES person (id),
    status          VARCHAR(20)              NOT NULL,
    length_minutes  INTEGER                  NOT NULL,
    format          VARCHAR(20)              NOT NULL,
    intro           VARCHAR(2000)            NOT NULL,
    learn           VARCHAR(2000)            NOT NULL,
    why_you         VARCHAR(2000)            NOT NULL,
    referral_id     UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL
);
CREATE INDEX ix_request_requester ON interview_request (requester_id, status);
CREATE INDEX ix_request_leader ON interview_request (leader_id, status);

-- The slots currently on the table: proposed by the employee, or counter-proposed by the leader.
CREATE TABLE request_slot (
    request_id UUID                     NOT NULL REFERENCES interview_request (id),
    position   INTEGER                  NOT NULL,
    start_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_request_slot PRIMARY KEY (request_id, position)
);

-- Append-only history of a request.
CREATE TABLE request_event (
    id         UUID                     NOT NULL PRIMARY KEY,
    request_id UUID                     NOT NULL REFERENCES interview_request (id),
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id   UUID                     REFERENCES person (id),
    type       VARCHAR(30)              NOT NULL,
    note       VARCHAR(2000)
);
CREATE INDEX ix_request_event_request ON request_event (request_id, at);

CREATE TABLE interview (
    id             UUID                     NOT NULL PRIMARY KEY,
    request_id     UUID                     NOT NULL REFERENCES interview_request (id),
    employee_id    UUID                     NOT NULL REFERENCES person (id),
    leader_id      UUID                     NOT NULL REFERENCES person (id),
    start_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    length_minutes INTEGER                  NOT NULL,
    format         VARCHAR(20)              NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    sequence       INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    -- A request becomes at most one interview, whatever races happen above.
    CONSTRAINT uq_interview_request UNIQUE (request_id)
);
CREATE INDEX ix_interview_employee ON interview (employee_id, start_at);
CREATE INDEX ix_interview_leader ON interview (leader_id, start_at);

-- The first response to a creating POST, replayed for a retry with the same Idempotency-Key.
CREATE TABLE idempotency_record (
    owner_id        UUID                     NOT NULL REFERENCES person (id),
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    response_status INTEGER                  NOT NULL,
    response_body   VARCHAR(100000)          NOT NULL,
    location        VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (owner_id, idempotency_key)
);

-- Marks one-time work done, such as seeding the demo organisation.
CREATE TABLE app_marker (
    name       VARCHAR(100)             NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
