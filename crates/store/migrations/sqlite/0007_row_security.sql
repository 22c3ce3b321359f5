-- Row-level security exists on PostgreSQL only (see the PostgreSQL migration of the same
-- number). SQLite serves one household from one file that only the application opens; this
-- version keeps the two backends' schema versions in step.
SELECT 1;
