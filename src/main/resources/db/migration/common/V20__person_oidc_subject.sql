-- In OIDC mode a person is the identity provider's account (the token's `sub`, Keycloak's user id),
-- not a user name that can be given to someone else later. Unknown for people not yet linked.
ALTER TABLE person ADD COLUMN oidc_subject VARCHAR(255);
ALTER TABLE person ADD CONSTRAINT uq_person_oidc_subject UNIQUE (oidc_subject);
