-- Keeping in touch reads a period's contacts with their employees, divisions at the time and
-- touches from this index alone; it serves every other read of contacts by the day they met too.
CREATE INDEX ix_contact_met_touches ON contact (met_at)
    INCLUDE (employee_id, employee_division_id, touches_due, touches_on_time);
DROP INDEX ix_contact_met;
