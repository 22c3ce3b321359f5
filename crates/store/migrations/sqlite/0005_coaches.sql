-- Coaches: accounts of a second kind, attached to the spaces they coach, and the consent each
-- partner gives them separately. Times are UTC milliseconds; tokens are stored only as hashes.

-- Every existing account is a partner's. A coach account never joins a space as a member.
ALTER TABLE accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'partner'
    CHECK (kind IN ('partner', 'coach'));

-- A link a partner makes for their space's coach; accepted once, by a coach account.
CREATE TABLE coach_invites (
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
) WITHOUT ROWID;

CREATE INDEX coach_invites_by_space ON coach_invites (space);

-- Which coach follows which space, one row per stay (not a membership: a coach is never a
-- partner and never counted as one).
CREATE TABLE space_coaches (
    space     TEXT   NOT NULL REFERENCES spaces (id),
    coach     TEXT   NOT NULL,
    joined_ms BIGINT NOT NULL,
    left_ms   BIGINT,
    PRIMARY KEY (space, coach, joined_ms)
) WITHOUT ROWID;

CREATE UNIQUE INDEX space_coaches_current ON space_coaches (space, coach) WHERE left_ms IS NULL;
CREATE INDEX space_coaches_by_coach ON space_coaches (coach);

-- One partner's consent to one coach in one space, for a limited time. A new grant is a new
-- row; a revoked or expired one stays as history for its owner.
CREATE TABLE coach_grants (
    id         TEXT   NOT NULL PRIMARY KEY,
    space      TEXT   NOT NULL REFERENCES spaces (id),
    coach      TEXT   NOT NULL,
    person     TEXT   NOT NULL,
    granted_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    revoked_ms BIGINT
) WITHOUT ROWID;

CREATE INDEX coach_grants_by_space ON coach_grants (space, coach);
CREATE INDEX coach_grants_by_person ON coach_grants (person);

-- Every read a coach made of a partner's data: which view, when, which coach; never content.
CREATE TABLE coach_reads (
    id    TEXT   NOT NULL PRIMARY KEY,
    space TEXT   NOT NULL REFERENCES spaces (id),
    coach TEXT   NOT NULL,
    owner TEXT   NOT NULL,
    view  TEXT   NOT NULL,
    at_ms BIGINT NOT NULL
) WITHOUT ROWID;

CREATE INDEX coach_reads_by_owner ON coach_reads (owner, at_ms);
