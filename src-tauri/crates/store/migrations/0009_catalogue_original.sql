-- The user's own catalogue workbook, kept in the vault when it was imported from an .xlsx (the
-- package fills that very file). NULL for catalogues imported before, from .xls or .ods, or
-- from the demo: their package holds the generated layout.
ALTER TABLE catalogue ADD COLUMN original_sha256 TEXT
    CHECK (original_sha256 IS NULL OR length(original_sha256) = 64);
ALTER TABLE catalogue ADD COLUMN original_size INTEGER
    CHECK (original_size IS NULL OR original_size >= 0);
