-- An answer an organisation no longer offers. Its code stays, so answers already given keep their meaning.
ALTER TABLE monitoring_options ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
