-- Each person's private calendar feed: at most one, reached by a secret address whose token is
-- stored only as a hash. A new token replaces the old one, which then stops working.
CREATE TABLE calendar_feeds (
    account    TEXT   NOT NULL PRIMARY KEY REFERENCES accounts (id),
    token_hash TEXT   NOT NULL UNIQUE,
    -- 1: neutral titles ("Plans") and no descriptions; 0: names and promise texts.
    discreet   BIGINT NOT NULL CHECK (discreet IN (0, 1)),
    created_ms BIGINT NOT NULL
);
