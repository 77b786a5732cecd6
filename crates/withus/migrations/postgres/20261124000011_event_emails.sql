-- Emails with an HTML alternative (large print) and attachments (calendar files); events that an
-- organiser cancelled, with the reason; and when each booked person was reminded.

ALTER TABLE outbox ADD COLUMN body_html TEXT;

CREATE TABLE outbox_attachments (
    outbox_id UUID NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (outbox_id, position)
);

ALTER TABLE events ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE events ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT '';

-- Set once the reminder email is queued; cleared when the event's time changes.
ALTER TABLE event_bookings ADD COLUMN reminded_at TIMESTAMPTZ;
CREATE INDEX events_upcoming ON events (starts_at);
