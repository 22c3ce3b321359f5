-- Row-level security on the tables that hold what couples write or what is derived from it:
-- the event log (`events`, and `streams`, whose keys name spaces and people) and `reminders`.
--
-- Defence in depth, behind the application's own checks (which decide who may see what): a
-- query that forgets to say whose rows it is about gets none, and a write outside that scope is
-- refused. It is not a boundary against a compromised application, which can set any scope.
--
-- The store sets the scope per transaction with `set_config(name, value, true)`:
--   steadfast.space  = a space id: that space's stream and its reminders;
--   steadfast.person = a person id: that person's own stream (the private journal);
--   steadfast.scope  = 'system': every row, only for the cross-space tasks (the reminder scan,
--                      rebuilding reminders, erasing a deleted account's events, the operator's
--                      content-free figures).
-- Unset (NULL) or reset ('') matches nothing. Policies are permissive, so a row is visible when
-- any of them allows it.
--
-- FORCE makes the rules apply to the tables' owner too. Superusers always bypass row-level
-- security: the application must connect as an ordinary role (see README, "Deploying for a
-- practice").

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;

CREATE POLICY events_of_space ON events
    USING (stream = 'space:' || current_setting('steadfast.space', true))
    WITH CHECK (stream = 'space:' || current_setting('steadfast.space', true));
CREATE POLICY events_of_person ON events
    USING (stream = 'person:' || current_setting('steadfast.person', true))
    WITH CHECK (stream = 'person:' || current_setting('steadfast.person', true));
CREATE POLICY events_for_system ON events
    USING (current_setting('steadfast.scope', true) = 'system')
    WITH CHECK (current_setting('steadfast.scope', true) = 'system');

ALTER TABLE streams ENABLE ROW LEVEL SECURITY;
ALTER TABLE streams FORCE ROW LEVEL SECURITY;

CREATE POLICY streams_of_space ON streams
    USING (stream = 'space:' || current_setting('steadfast.space', true))
    WITH CHECK (stream = 'space:' || current_setting('steadfast.space', true));
CREATE POLICY streams_of_person ON streams
    USING (stream = 'person:' || current_setting('steadfast.person', true))
    WITH CHECK (stream = 'person:' || current_setting('steadfast.person', true));
CREATE POLICY streams_for_system ON streams
    USING (current_setting('steadfast.scope', true) = 'system')
    WITH CHECK (current_setting('steadfast.scope', true) = 'system');

ALTER TABLE reminders ENABLE ROW LEVEL SECURITY;
ALTER TABLE reminders FORCE ROW LEVEL SECURITY;

CREATE POLICY reminders_of_space ON reminders
    USING (space = current_setting('steadfast.space', true))
    WITH CHECK (space = current_setting('steadfast.space', true));
CREATE POLICY reminders_for_system ON reminders
    USING (current_setting('steadfast.scope', true) = 'system')
    WITH CHECK (current_setting('steadfast.scope', true) = 'system');
