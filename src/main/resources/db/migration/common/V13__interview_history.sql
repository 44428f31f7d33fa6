-- What happened to an interview after it was scheduled: moves with their reasons, cancellation,
-- outcome. The parties read it; the other party is told of each change.
CREATE TABLE interview_event (
    id           UUID                     NOT NULL PRIMARY KEY,
    interview_id UUID                     NOT NULL REFERENCES interview (id),
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id     UUID                     REFERENCES person (id),
    type         VARCHAR(30)              NOT NULL,
    note         VARCHAR(2000)
);
CREATE INDEX ix_interview_event_interview ON interview_event (interview_id, at);
