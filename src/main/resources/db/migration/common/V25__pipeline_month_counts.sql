-- Each employee's requests of a calendar month (UTC, "YYYY-MM"), by the division they sent them
-- from (the request's stamp, its requester's division on the day it was sent), in the pipeline's
-- counts: the requests sent, answered and expired; their interviews booked, held and missed; the
-- thank-yous for the held ones, and those sent within 48 hours; the names given in them (by depth),
-- the interviews that gave any, and the names followed by a request and by a held interview. A
-- report adds up a year of them instead of joining every request to its interview, thank-you and
-- names, and the names to the requests that cited them. None of these facts changes once
-- it happened, so each is folded in once by the reports' job and marked counted in the same
-- transaction; a report adds what is not counted yet, and is exact before the job has run. A
-- recorded move forgets the mover's stamps, and with them their counts and marks: the job counts
-- their requests again under the stamps written anew.
-- Only the job writes the table, from the requests' own references: without foreign keys of its
-- own, its inserts take no lock on a person an import is changing.
CREATE TABLE pipeline_month (
    employee_id UUID       NOT NULL,
    division_id UUID       NOT NULL,
    period      VARCHAR(7) NOT NULL,
    sent        INTEGER    DEFAULT 0 NOT NULL,
    answered    INTEGER    DEFAULT 0 NOT NULL,
    expired     INTEGER    DEFAULT 0 NOT NULL,
    booked      INTEGER    DEFAULT 0 NOT NULL,
    held        INTEGER    DEFAULT 0 NOT NULL,
    no_show     INTEGER    DEFAULT 0 NOT NULL,
    thanked     INTEGER    DEFAULT 0 NOT NULL,
    on_time     INTEGER    DEFAULT 0 NOT NULL,
    names       INTEGER    DEFAULT 0 NOT NULL,
    named       INTEGER    DEFAULT 0 NOT NULL,
    followed    INTEGER    DEFAULT 0 NOT NULL,
    names_held  INTEGER    DEFAULT 0 NOT NULL,
    depth1      INTEGER    DEFAULT 0 NOT NULL,
    depth2      INTEGER    DEFAULT 0 NOT NULL,
    depth3      INTEGER    DEFAULT 0 NOT NULL,
    CONSTRAINT pk_pipeline_month PRIMARY KEY (employee_id, division_id, period),
    CONSTRAINT ck_pipeline_month_counts CHECK (sent >= 0 AND answered >= 0 AND expired >= 0
        AND booked >= 0 AND held >= 0 AND no_show >= 0 AND thanked >= 0 AND on_time >= 0
        AND names >= 0 AND named >= 0 AND followed >= 0 AND names_held >= 0 AND depth1 >= 0
        AND depth2 >= 0 AND depth3 >= 0)
);

ALTER TABLE interview_request ADD COLUMN sent_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview_request ADD COLUMN answer_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview_request ADD COLUMN expiry_counted BOOLEAN DEFAULT FALSE NOT NULL;
-- The division a request's facts are counted in, written with its sending (counted first): where
-- the stamp says otherwise, the stamps were forgotten without the counts (by the version before
-- them, during a rolling upgrade), and the job forgets the counts too.
ALTER TABLE interview_request ADD COLUMN counted_division_id UUID;
-- A request citing a name: whether the name's being followed, and (once the request is closed)
-- whether it was held, are counted. A request citing none is marked so when its sending is counted.
ALTER TABLE interview_request ADD COLUMN cite_counted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE interview_request ADD COLUMN cite_held_counted BOOLEAN DEFAULT FALSE NOT NULL;
-- (The interviews', thank-yous' and names' marks are added in migrations of their own, so that none holds
-- one table while waiting for another's readers.)
