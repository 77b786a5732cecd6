-- Imports commit a chunk of people at a time, so other people's changes never wait long for one
-- large spreadsheet. `progress` counts the file's valid rows already handled (added, or found on
-- the register); an import stopped part-way carries on from there.
ALTER TABLE import_batches ADD COLUMN progress BIGINT NOT NULL DEFAULT 0;
