-- After an event, each attendee is asked whether their access needs were met. One row per person
-- per event, made when they are asked (or when staff record an answer they gave in person).

CREATE TABLE event_feedback (
    event_id UUID NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    asked_at TIMESTAMPTZ NOT NULL,
    -- Whether the question went by email; if not, the organiser asks by phone or in person.
    asked_by_email BOOLEAN NOT NULL DEFAULT FALSE,
    -- yes, partly, no; NULL until answered.
    answer TEXT,
    -- Sealed: which of their needs were not met and what went wrong, in their words.
    details BYTEA,
    -- Whether we may contact them about it; NULL when they did not say.
    may_contact BOOLEAN,
    -- How the answer was given (online, phone, in_person, paper, email) and who recorded it.
    given_via TEXT,
    recorded_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    answered_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_feedback_answer ON event_feedback (event_id, answer);
