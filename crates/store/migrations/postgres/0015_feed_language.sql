-- The language a calendar feed's titles are written in: the one its owner used when they made
-- it ('en', 'pl'). A calendar app's own Accept-Language says nothing about the person. Empty for
-- a feed made before this migration, which keeps following the app's header.
ALTER TABLE calendar_feeds ADD COLUMN lang TEXT NOT NULL DEFAULT '';
