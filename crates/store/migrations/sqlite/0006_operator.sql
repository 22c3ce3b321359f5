-- What the operator's tools need: a switch that keeps an account out, and one-time links by
-- which a person sets their own password (a new account's first one, or a new one in a
-- recovery the operator started). The operator never chooses or sees a password.

-- When the operator disabled the account; NULL while it may sign in.
ALTER TABLE accounts ADD COLUMN disabled_ms BIGINT;

-- Only the SHA-256 of a link's token is kept: a copy of the database opens no link. A link is
-- used once (`used_ms`) and not after `expires_ms`; a newer link for the same account replaces
-- the unused ones. Links go with their account.
CREATE TABLE password_links (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    account    TEXT   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL CHECK (purpose IN ('welcome', 'recovery')),
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    used_ms    BIGINT
) WITHOUT ROWID;

CREATE INDEX password_links_by_account ON password_links (account);
