-- The organiser's access plan for an event: each item's status, stored by a stable item key, and
-- when the event was marked ready.

ALTER TABLE events ADD COLUMN ready_at TEXT;

CREATE TABLE event_plan_items (
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    -- The item kind, with the point size for large print ("large_print_24").
    item_key TEXT NOT NULL,
    -- not_started, in_progress, arranged, met_by_venue, cannot_arrange.
    status TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    alternative TEXT NOT NULL DEFAULT '',
    booked_on TEXT,
    cost_pence INTEGER,
    told_people_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (event_id, item_key)
);
