-- Reminders, derived from the event log: written in the same transaction as the append that
-- causes them, and rebuilt from the log whenever needed. No user text: kinds, ids and times.
-- `person` is '' for a reminder to every current member (a ritual), `partner` '' when there is
-- no other party. The key starts with (space, item), the rows one append rewrites.
CREATE TABLE reminders (
    space      TEXT   NOT NULL,
    item       TEXT   NOT NULL,
    kind       TEXT   NOT NULL,
    person     TEXT   NOT NULL,
    partner    TEXT   NOT NULL,
    author     TEXT   NOT NULL,
    visibility TEXT   NOT NULL CHECK (visibility IN ('private', 'shared')),
    made_ms    BIGINT NOT NULL,
    due_ms     BIGINT,
    fire_ms    BIGINT,
    pending    TEXT,
    paused     BIGINT NOT NULL,
    schedule   TEXT,
    PRIMARY KEY (space, item, kind, person)
) WITHOUT ROWID;

-- What is due is found by this index alone, never by scanning spaces.
CREATE INDEX reminders_due ON reminders (fire_ms) WHERE fire_ms IS NOT NULL;
CREATE INDEX reminders_by_person ON reminders (person);
CREATE INDEX reminders_by_author ON reminders (author);

-- Who wants reminders by email (off unless they said so), and in which language.
CREATE TABLE reminder_settings (
    person     TEXT   NOT NULL PRIMARY KEY,
    email      BIGINT NOT NULL,
    lang       TEXT   NOT NULL,
    updated_ms BIGINT NOT NULL
) WITHOUT ROWID;
