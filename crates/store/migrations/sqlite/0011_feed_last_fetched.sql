-- When a calendar feed was last fetched, to the hour (NULL: not yet), shown on its owner's page:
-- an address someone else made and keeps shows up as fetched when its owner never subscribed.
-- The hour, not the moment: the page says whether and roughly when, and the table keeps no
-- minute-by-minute trace of when the person's devices were online.
ALTER TABLE calendar_feeds ADD COLUMN last_fetched_ms BIGINT;
