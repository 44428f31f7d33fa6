-- Attempts per person, action and fixed window, counted by conditional update so that every
-- instance shares one count.
CREATE TABLE rate_window (
    subject      VARCHAR(100)             NOT NULL,
    action       VARCHAR(40)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    CONSTRAINT pk_rate_window PRIMARY KEY (subject, action, window_start)
);
