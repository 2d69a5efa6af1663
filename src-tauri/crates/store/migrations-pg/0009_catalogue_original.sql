-- The user's own catalogue workbook kept in the vault. See ../migrations/0009.
ALTER TABLE catalogue ADD COLUMN original_sha256 TEXT
    CHECK (original_sha256 IS NULL OR length(original_sha256) = 64);
ALTER TABLE catalogue ADD COLUMN original_size BIGINT
    CHECK (original_size IS NULL OR original_size >= 0);
