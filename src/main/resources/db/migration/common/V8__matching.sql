-- What an employee wants to learn about: divisions they look towards, topics, goals.
CREATE TABLE interest (
    person_id  UUID                     NOT NULL PRIMARY KEY REFERENCES person (id),
    goals      VARCHAR(2000)            NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
CREATE TABLE interest_division (
    person_id   UUID NOT NULL REFERENCES interest (person_id),
    division_id UUID NOT NULL REFERENCES division (id),
    CONSTRAINT pk_interest_division PRIMARY KEY (person_id, division_id)
);
CREATE TABLE interest_topic (
    person_id UUID        NOT NULL REFERENCES interest (person_id),
    topic     VARCHAR(60) NOT NULL,
    CONSTRAINT pk_interest_topic PRIMARY KEY (person_id, topic)
);
CREATE INDEX ix_interest_topic_topic ON interest_topic (topic);

-- The shared topic vocabulary offered when people describe themselves; free text is allowed too.
CREATE TABLE topic (
    name VARCHAR(60) NOT NULL PRIMARY KEY
);

-- A cohort matching round: who takes part, how far it got, and the result. The row is the
-- round's durable state; the batch job that computes it may run on any instance and is restarted
-- from scratch if its instance stops sending heartbeats.
CREATE TABLE cohort_round (
    id                  UUID                     NOT NULL PRIMARY KEY,
    name                VARCHAR(200)             NOT NULL,
    intros_per_employee INTEGER                  NOT NULL,
    status              VARCHAR(20)              NOT NULL,
    progress_done       INTEGER                  NOT NULL,
    progress_total      INTEGER                  NOT NULL,
    matched             INTEGER                  NOT NULL,
    unmatched           INTEGER                  NOT NULL,
    total_score         BIGINT                   NOT NULL,
    greedy_score        BIGINT                   NOT NULL,
    error               VARCHAR(2000),
    created_by          UUID                     NOT NULL REFERENCES person (id),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    heartbeat_at        TIMESTAMP WITH TIME ZONE,
    claimed_by          VARCHAR(100),
    attempt             INTEGER                  NOT NULL,
    version             BIGINT                   NOT NULL
);
CREATE INDEX ix_cohort_round_status ON cohort_round (status, heartbeat_at);

CREATE TABLE cohort_member (
    round_id    UUID NOT NULL REFERENCES cohort_round (id),
    employee_id UUID NOT NULL REFERENCES person (id),
    CONSTRAINT pk_cohort_member PRIMARY KEY (round_id, employee_id)
);

CREATE TABLE cohort_match (
    round_id    UUID          NOT NULL REFERENCES cohort_round (id),
    employee_id UUID          NOT NULL REFERENCES person (id),
    leader_id   UUID          NOT NULL REFERENCES person (id),
    score       INTEGER       NOT NULL,
    reasons     VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_cohort_match PRIMARY KEY (round_id, employee_id, leader_id)
);

-- Recommendations look up whom an employee met, and with which leaders requests are open.
CREATE INDEX ix_interview_employee_leader ON interview (employee_id, leader_id, status);
