-- When someone joined the company and, once they have gone, the day they left: the populations of
-- the mobility and retention reports ("employed on a day"). Both unknown for people imported before.
ALTER TABLE person ADD COLUMN hired_on DATE;
ALTER TABLE person ADD COLUMN left_on DATE;
