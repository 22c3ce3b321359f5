-- What happened to a person's keys that they should hear of the next time they are in: a
-- recovery code used, the operator starting a password reset or disabling the account. Shown
-- on their account page (and pointed to from their spaces page) until they dismiss it.
-- `session` is the hash of the session a recovery started, so that session (and no other) may
-- renew the recovery codes without the password it has just set.
CREATE TABLE account_notices (
    id      TEXT   NOT NULL PRIMARY KEY,
    account TEXT   NOT NULL REFERENCES accounts (id),
    kind    TEXT   NOT NULL,
    at_ms   BIGINT NOT NULL,
    session TEXT
);

CREATE INDEX account_notices_by_account ON account_notices (account);
