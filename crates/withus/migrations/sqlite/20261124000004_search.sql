-- Finding people at scale. Sealed profiles make each people row about a kilobyte, so the people
-- list reads one narrow index instead: it holds every column the list filters on, sorts by and
-- shows, in name order (it replaces people_name).
CREATE INDEX people_search ON people (display_name, id, region, last_involved_at, erased_at, email, phone);
DROP INDEX people_name;

-- The people who share their details with an organisation, read from the index alone.
CREATE INDEX consents_shared_with ON consents (partner_organisation_id, kind, person_id) WHERE withdrawn_at IS NULL;

-- Erased people, so a count can start from panel memberships and leave them out without reading
-- the people table.
CREATE INDEX people_erased ON people (id) WHERE erased_at IS NOT NULL;

-- Involvement in a window of time, counted per person ("times involved in the past 12 months").
CREATE INDEX involvements_recent ON involvements (occurred_at, person_id);

-- The same columns by id, for when a search starts from a list of ids (a topic, an answer, a
-- number of involvements) and checks each person without reading their row.
CREATE INDEX people_by_id ON people (id, erased_at, region, last_involved_at, display_name, email, phone);
