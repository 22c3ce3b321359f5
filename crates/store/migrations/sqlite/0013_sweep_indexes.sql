-- The maintenance loop sweeps known devices whose cookie has expired or that lay unused, and API
-- tokens past their expiry; these indexes keep each sweep from reading the whole table.
CREATE INDEX known_devices_by_age ON known_devices (created_ms);
CREATE INDEX known_devices_by_last_use ON known_devices (last_used_ms);
CREATE INDEX api_tokens_by_expiry ON api_tokens (expires_ms);
