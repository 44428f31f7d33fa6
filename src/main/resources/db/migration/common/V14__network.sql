-- After the interview: thank-yous, referrals (two more names, in chains), contacts kept in touch
-- with, leaders' feedback and talent flags with the employee's consent, mentoring offers, and the
-- employee's private notes (encrypted). Times are kept so the program's rates can be reported.

CREATE TABLE thank_you (
    interview_id       UUID                     NOT NULL PRIMARY KEY REFERENCES interview (id),
    employee_id        UUID                     NOT NULL REFERENCES person (id),
    leader_id          UUID                     NOT NULL REFERENCES person (id),
    message            VARCHAR(4000)            NOT NULL,
    interview_ended_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE referral (
    id           UUID                     NOT NULL PRIMARY KEY,
    interview_id UUID                     NOT NULL REFERENCES interview (id),
    referrer_id  UUID                     NOT NULL REFERENCES person (id),
    employee_id  UUID                     NOT NULL REFERENCES person (id),
    referred_id  UUID                     NOT NULL REFERENCES person (id),
    may_use_name BOOLEAN                  NOT NULL,
    note         VARCHAR(2000),
    depth        INTEGER                  NOT NULL CONSTRAINT ck_referral_depth CHECK (depth >= 1),
    came_from    UUID                     REFERENCES referral (id),
    position     INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_referral_interview_person UNIQUE (interview_id, referred_id)
);
CREATE INDEX ix_referral_employee ON referral (employee_id, created_at);

CREATE TABLE contact (
    employee_id     UUID                     NOT NULL REFERENCES person (id),
    person_id       UUID                     NOT NULL REFERENCES person (id),
    cadence_days    INTEGER                  NOT NULL CONSTRAINT ck_contact_cadence CHECK (cadence_days > 0),
    met_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_touch_at   TIMESTAMP WITH TIME ZONE,
    next_due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    snoozed_until   DATE,
    stopped         BOOLEAN                  NOT NULL,
    touches_due     INTEGER                  NOT NULL,
    touches_on_time INTEGER                  NOT NULL,
    version         BIGINT                   NOT NULL,
    PRIMARY KEY (employee_id, person_id)
);
CREATE INDEX ix_contact_due ON contact (next_due_at, employee_id);

CREATE TABLE contact_touch (
    id          UUID                     NOT NULL PRIMARY KEY,
    employee_id UUID                     NOT NULL,
    person_id   UUID                     NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    on_time     BOOLEAN                  NOT NULL,
    note        VARCHAR(2000),
    CONSTRAINT fk_contact_touch_contact FOREIGN KEY (employee_id, person_id)
        REFERENCES contact (employee_id, person_id)
);
CREATE INDEX ix_contact_touch_contact ON contact_touch (employee_id, person_id, at);

CREATE TABLE digest_preference (
    person_id  UUID                     NOT NULL PRIMARY KEY REFERENCES person (id),
    weekly     BOOLEAN                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE leader_feedback (
    interview_id UUID                     NOT NULL PRIMARY KEY REFERENCES interview (id),
    leader_id    UUID                     NOT NULL REFERENCES person (id),
    employee_id  UUID                     NOT NULL REFERENCES person (id),
    talent_pool  BOOLEAN                  NOT NULL,
    strengths    VARCHAR(1000)            NOT NULL,
    note         VARCHAR(2000),
    given_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_leader_feedback_employee ON leader_feedback (employee_id);

CREATE TABLE talent_consent (
    employee_id   UUID                     NOT NULL PRIMARY KEY REFERENCES person (id),
    visible_to_hr BOOLEAN                  NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE mentoring_offer (
    interview_id UUID                     NOT NULL PRIMARY KEY REFERENCES interview (id),
    leader_id    UUID                     NOT NULL REFERENCES person (id),
    employee_id  UUID                     NOT NULL REFERENCES person (id),
    offered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    answer       VARCHAR(10),
    answered_at  TIMESTAMP WITH TIME ZONE
);

-- Only ever written and read by the employee who wrote it; AES-GCM, the key named by key_id.
CREATE TABLE private_note (
    interview_id UUID                     NOT NULL PRIMARY KEY REFERENCES interview (id),
    employee_id  UUID                     NOT NULL REFERENCES person (id),
    key_id       VARCHAR(40)              NOT NULL,
    nonce        VARCHAR(40)              NOT NULL,
    ciphertext   VARCHAR(120000)          NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
