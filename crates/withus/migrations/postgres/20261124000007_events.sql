-- Events of an engagement, the venues they use (with their accessibility, reused across events),
-- invitations to panel members, and bookings with the waiting list and attendance.

CREATE TABLE venues (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    region TEXT,
    step_free BOOLEAN NOT NULL DEFAULT FALSE,
    accessible_toilet BOOLEAN NOT NULL DEFAULT FALSE,
    hearing_loop BOOLEAN NOT NULL DEFAULT FALSE,
    accessible_parking BOOLEAN NOT NULL DEFAULT FALSE,
    quiet_room BOOLEAN NOT NULL DEFAULT FALSE,
    adjustable_lighting BOOLEAN NOT NULL DEFAULT FALSE,
    public_transport BOOLEAN NOT NULL DEFAULT FALSE,
    changing_places BOOLEAN NOT NULL DEFAULT FALSE,
    notes TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX venues_organisation ON venues (organisation_id, region, name);

CREATE TABLE events (
    id UUID PRIMARY KEY NOT NULL,
    engagement_id UUID NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- The organisation that created it (the engagement's lead or an equal partner).
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    mode TEXT NOT NULL,
    -- When it starts, in UTC (entered in UK time).
    starts_at TIMESTAMPTZ NOT NULL,
    length_minutes BIGINT NOT NULL,
    breaks TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL CHECK (capacity >= 1),
    venue_id UUID REFERENCES venues (id) ON DELETE SET NULL,
    platform TEXT NOT NULL DEFAULT '',
    captions BOOLEAN NOT NULL DEFAULT FALSE,
    dial_in TEXT NOT NULL DEFAULT '',
    booking TEXT NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    -- Bumped by every booking change: the write that serialises bookings of one event.
    booking_seq BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX events_engagement ON events (engagement_id, starts_at);

CREATE TABLE event_invitations (
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    emailed BOOLEAN NOT NULL DEFAULT FALSE,
    invited_by UUID,
    invited_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

-- One row per person per event. `status`: booked, waiting, offered, cancelled, expired.
-- The waiting list is ordered by `seq` (from events.booking_seq) then id.
CREATE TABLE event_bookings (
    id UUID PRIMARY KEY NOT NULL,
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    seq BIGINT NOT NULL,
    -- Sealed: event-specific access needs and travel needs in the person's words.
    event_needs BYTEA,
    travel_needs BYTEA,
    companion BOOLEAN NOT NULL DEFAULT FALSE,
    offer_expires_at TIMESTAMPTZ,
    attended BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (event_id, person_id)
);
CREATE INDEX event_bookings_queue ON event_bookings (event_id, status, seq, id);
