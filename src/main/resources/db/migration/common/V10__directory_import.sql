-- Directory imports (an HRIS export as CSV) and syncs run as long jobs. The uploaded file waits in
-- parts until the job reads it; errors are kept per line.
CREATE TABLE directory_job (
    id             UUID                     NOT NULL PRIMARY KEY,
    kind           VARCHAR(20)              NOT NULL,
    full_snapshot  BOOLEAN                  NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    progress_done  INTEGER                  NOT NULL,
    progress_total INTEGER                  NOT NULL,
    summary        VARCHAR(2000),
    error          VARCHAR(2000),
    created_by     UUID                     NOT NULL REFERENCES person (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    heartbeat_at   TIMESTAMP WITH TIME ZONE,
    claimed_by     VARCHAR(100),
    attempt        INTEGER                  NOT NULL,
    version        BIGINT                   NOT NULL
);
CREATE INDEX ix_directory_job_status ON directory_job (status, heartbeat_at);

CREATE TABLE directory_upload (
    job_id  UUID            NOT NULL REFERENCES directory_job (id),
    part    INTEGER         NOT NULL,
    content VARCHAR(200000) NOT NULL,
    CONSTRAINT pk_directory_upload PRIMARY KEY (job_id, part)
);

CREATE TABLE directory_job_error (
    job_id   UUID         NOT NULL REFERENCES directory_job (id),
    position INTEGER      NOT NULL,
    line     INTEGER      NOT NULL,
    field    VARCHAR(60),
    message  VARCHAR(500) NOT NULL,
    CONSTRAINT pk_directory_job_error PRIMARY KEY (job_id, position)
);

-- A person's move from one division to another, with the day it took effect: the raw material
-- of the mobility report.
CREATE TABLE internal_move (
    id            UUID                     NOT NULL PRIMARY KEY,
    person_id     UUID                     NOT NULL REFERENCES person (id),
    from_division UUID                     NOT NULL REFERENCES division (id),
    to_division   UUID                     NOT NULL REFERENCES division (id),
    moved_on      DATE                     NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    job_id        UUID                     REFERENCES directory_job (id)
);
CREATE INDEX ix_internal_move_person ON internal_move (person_id, moved_on);
