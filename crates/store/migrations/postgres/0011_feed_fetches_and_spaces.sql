-- When a calendar feed was last fetched, to the hour (NULL: not yet), shown on its owner's page:
-- an address someone else made and keeps shows up as fetched when its owner never subscribed.
-- The hour, not the moment: the page says whether and roughly when, and the table keeps no
-- minute-by-minute trace of when the person's devices were online.
ALTER TABLE calendar_feeds ADD COLUMN last_fetched_ms BIGINT;

-- The spaces a feed was made for (their ids, separated by spaces): it lists those and no later
-- one, so an address made from someone else's hand does not follow the person into a new
-- space. A feed made before this migration keeps the spaces its owner is in now.
ALTER TABLE calendar_feeds ADD COLUMN spaces TEXT NOT NULL DEFAULT '';
UPDATE calendar_feeds SET spaces = COALESCE(
    (SELECT string_agg(m.space, ' ') FROM memberships m
     WHERE m.person = calendar_feeds.account AND m.left_ms IS NULL),
    '');
