-- A directory sync may be started by the system itself (the first sync of an empty directory in
-- OIDC mode), not by a person.
ALTER TABLE directory_job ALTER COLUMN created_by DROP NOT NULL;
