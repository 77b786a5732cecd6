-- Events of an engagement, the venues they use (with their accessibility, reused across events),
-- invitations to panel members, and bookings with the waiting list and attendance.

CREATE TABLE venues (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    region TEXT,
    step_free INTEGER NOT NULL DEFAULT 0,
    accessible_toilet INTEGER NOT NULL DEFAULT 0,
    hearing_loop INTEGER NOT NULL DEFAULT 0,
    accessible_parking INTEGER NOT NULL DEFAULT 0,
    quiet_room INTEGER NOT NULL DEFAULT 0,
    adjustable_lighting INTEGER NOT NULL DEFAULT 0,
    public_transport INTEGER NOT NULL DEFAULT 0,
    changing_places INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX venues_organisation ON venues (organisation_id, region, name);

CREATE TABLE events (
    id BLOB PRIMARY KEY NOT NULL,
    engagement_id BLOB NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- The organisation that created it (the engagement's lead or an equal partner).
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    mode TEXT NOT NULL,
    -- When it starts, in UTC (entered in UK time).
    starts_at TEXT NOT NULL,
    length_minutes INTEGER NOT NULL,
    breaks TEXT NOT NULL DEFAULT '',
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    venue_id BLOB REFERENCES venues (id) ON DELETE SET NULL,
    platform TEXT NOT NULL DEFAULT '',
    captions INTEGER NOT NULL DEFAULT 0,
    dial_in TEXT NOT NULL DEFAULT '',
    booking TEXT NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,
    -- Bumped by every booking change: the write that serialises bookings of one event.
    booking_seq INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX events_engagement ON events (engagement_id, starts_at);

CREATE TABLE event_invitations (
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    emailed INTEGER NOT NULL DEFAULT 0,
    invited_by BLOB,
    invited_at TEXT NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- One row per person per event. `status`: booked, waiting, offered, cancelled, expired.
-- The waiting list is ordered by `seq` (from events.booking_seq) then id.
CREATE TABLE event_bookings (
    id BLOB PRIMARY KEY NOT NULL,
    event_id BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    seq INTEGER NOT NULL,
    -- Sealed: event-specific access needs and travel needs in the person's words.
    event_needs BLOB,
    travel_needs BLOB,
    companion INTEGER NOT NULL DEFAULT 0,
    offer_expires_at TEXT,
    attended INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (event_id, person_id)
);
CREATE INDEX event_bookings_queue ON event_bookings (event_id, status, seq, id);
