-- Devices a person has signed in from before, each known by a long-lived cookie of its own.
-- Only the cookie's hash is kept, bound to one account. A known device is not held back by the
-- per-name sign-in limit, so a flood of wrong sign-ins under someone's name (by a partner, say)
-- never locks them out of their own phone; the per-address limit still applies to it.
CREATE TABLE known_devices (
    hash         TEXT   NOT NULL PRIMARY KEY,
    account      TEXT   NOT NULL REFERENCES accounts (id),
    created_ms   BIGINT NOT NULL,
    last_used_ms BIGINT NOT NULL
);

CREATE INDEX known_devices_by_account ON known_devices (account);
