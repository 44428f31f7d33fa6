-- Messages to send, written in the same transaction as the change they tell about, drained by a
-- worker on any instance. dedupe_key keeps a message from being queued twice (reminders).
CREATE TABLE outbox_message (
    id              UUID                     NOT NULL PRIMARY KEY,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    recipient_id    UUID                     REFERENCES person (id),
    recipient_email VARCHAR(254)             NOT NULL,
    subject         VARCHAR(300)             NOT NULL,
    body            VARCHAR(20000)           NOT NULL,
    calendar        VARCHAR(20000),
    calendar_method VARCHAR(10),
    dedupe_key      VARCHAR(200),
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_outbox_due ON outbox_message (sent_at, next_attempt_at);
