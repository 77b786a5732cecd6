-- Searches that filter on topics or on how often people took part read the people list's narrow
-- indexes only, instead of joining 30,000 topic rows or grouping 100,000 involvements for each page.

-- Each topic a person cares about as one bit (the bits are `Topic::bit` in the code); person_topics
-- stays the record, and both are written together.
ALTER TABLE people ADD COLUMN topics_mask BIGINT NOT NULL DEFAULT 0;
UPDATE people SET topics_mask = COALESCE((SELECT SUM(CASE t.topic WHEN 'transport' THEN 1 WHEN 'housing' THEN 2 WHEN 'health_services' THEN 4 WHEN 'social_care' THEN 8 WHEN 'mental_health' THEN 16 WHEN 'employment' THEN 32 WHEN 'benefits' THEN 64 WHEN 'education' THEN 128 WHEN 'digital' THEN 256 WHEN 'built_environment' THEN 512 WHEN 'leisure' THEN 1024 WHEN 'children_and_families' THEN 2048 ELSE 0 END) FROM person_topics t WHERE t.person_id = people.id), 0);

-- When the person took part for the third-last time: they took part three times or more since a
-- date exactly when this is on or after it (last_involved_at answers "at least once").
ALTER TABLE people ADD COLUMN third_last_involved_at TIMESTAMPTZ;
UPDATE people SET third_last_involved_at = (SELECT i.occurred_at FROM involvements i WHERE i.person_id = people.id ORDER BY i.occurred_at DESC LIMIT 1 OFFSET 2);

DROP INDEX people_search;
CREATE INDEX people_search ON people (display_name, id) INCLUDE (region, last_involved_at, third_last_involved_at, topics_mask, erased_at, email, phone);
DROP INDEX people_by_id;
CREATE INDEX people_by_id ON people (id) INCLUDE (erased_at, region, last_involved_at, third_last_involved_at, topics_mask, display_name, email, phone);

-- Searches read region and "last involved" from the indexes above. On their own, these two only
-- ever tempted a planner to read tens of thousands of kilobyte-wide rows for a common region.
DROP INDEX people_region;
DROP INDEX people_last_involved;
