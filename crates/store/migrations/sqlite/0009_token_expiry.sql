-- Personal API tokens end: each has an expiry (tokens made before this migration get the
-- default of 90 days from when they were made), and a new token is announced on its owner's
-- account page until they dismiss the notice (NULL: not dismissed yet). Tokens already made are
-- announced too, once: any of them may have been made on the person's phone by someone else.
ALTER TABLE api_tokens ADD COLUMN expires_ms BIGINT NOT NULL DEFAULT 0;
UPDATE api_tokens SET expires_ms = created_ms + 7776000000;
ALTER TABLE api_tokens ADD COLUMN dismissed_ms BIGINT;
