-- The space page lists what is coming up this week: a range of due times within one space.
-- Without this index that read walked every reminder row of the space (one per promise ever
-- made there), so the page slowed as a space's history grew.
CREATE INDEX reminders_upcoming ON reminders (space, due_ms) WHERE due_ms IS NOT NULL;
