-- Accounts and everything that lets a person in: recovery codes, sessions, personal API tokens.
-- Secrets are stored only as hashes the caller made; times are UTC milliseconds.

CREATE TABLE accounts (
    id            TEXT   NOT NULL PRIMARY KEY,
    -- The login name as typed, for display; uniqueness is on the canonical key the caller gives.
    username      TEXT   NOT NULL,
    username_key  TEXT   NOT NULL UNIQUE,
    password_hash TEXT   NOT NULL,
    email         TEXT,
    created_ms    BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    account   TEXT   NOT NULL REFERENCES accounts (id),
    code_hash TEXT   NOT NULL,
    used_ms   BIGINT,
    PRIMARY KEY (account, code_hash)
);

-- Stale sessions are found by a scan: the table is small, and an index on last_seen_ms would
-- be rewritten on every request that touches a session.
CREATE TABLE sessions (
    id_hash      TEXT   NOT NULL PRIMARY KEY,
    account      TEXT   NOT NULL REFERENCES accounts (id),
    created_ms   BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    device       TEXT   NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account);

CREATE TABLE api_tokens (
    id           TEXT   NOT NULL PRIMARY KEY,
    account      TEXT   NOT NULL REFERENCES accounts (id),
    token_hash   TEXT   NOT NULL UNIQUE,
    label        TEXT   NOT NULL,
    created_ms   BIGINT NOT NULL,
    last_used_ms BIGINT
);

CREATE INDEX api_tokens_by_account ON api_tokens (account);

-- Spaces, who is or was in them, and the invites that pair a partner. People here are not
-- foreign keys to accounts: the history of who was in a space outlives a deleted account.
-- member_count is kept beside the memberships so that one conditional UPDATE on it guards the
-- limit of partners under concurrent accepts, on both backends.
CREATE TABLE spaces (
    id           TEXT   NOT NULL PRIMARY KEY,
    name         TEXT   NOT NULL,
    created_by   TEXT   NOT NULL,
    created_ms   BIGINT NOT NULL,
    member_count BIGINT NOT NULL CHECK (member_count >= 0)
);

CREATE TABLE memberships (
    space     TEXT   NOT NULL REFERENCES spaces (id),
    person    TEXT   NOT NULL,
    joined_ms BIGINT NOT NULL,
    left_ms   BIGINT,
    PRIMARY KEY (space, person, joined_ms)
);

-- A person is in a space at most once at a time.
CREATE UNIQUE INDEX memberships_current ON memberships (space, person) WHERE left_ms IS NULL;
CREATE INDEX memberships_by_person ON memberships (person);

CREATE TABLE invites (
    id          TEXT   NOT NULL PRIMARY KEY,
    space       TEXT   NOT NULL REFERENCES spaces (id),
    token_hash  TEXT   NOT NULL UNIQUE,
    created_by  TEXT   NOT NULL,
    created_ms  BIGINT NOT NULL,
    expires_ms  BIGINT NOT NULL,
    accepted_by TEXT,
    accepted_ms BIGINT,
    revoked_ms  BIGINT,
    CHECK ((accepted_by IS NULL) = (accepted_ms IS NULL))
);

CREATE INDEX invites_by_space ON invites (space);
