-- Notifications: every message to a person, whatever its channel, with its status; how often each
-- person wants non-urgent notices and which kinds they declined; digests sent once per period;
-- text messages through their own outbox.

ALTER TABLE people ADD COLUMN notice_frequency TEXT NOT NULL DEFAULT 'immediate'
    CHECK (notice_frequency IN ('immediate', 'daily', 'weekly'));
-- Kinds of non-essential notice the person does not want, comma-separated codes.
ALTER TABLE people ADD COLUMN notices_declined TEXT NOT NULL DEFAULT '';

ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- The address block printed at the top of the organisation's letters.
ALTER TABLE organisations ADD COLUMN postal_address TEXT NOT NULL DEFAULT '';
-- Organisations that must write in Welsh and English (Welsh first), whatever the reader's language.
ALTER TABLE organisations ADD COLUMN bilingual INTEGER NOT NULL DEFAULT 0;

CREATE TABLE notice_digests (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    period_start TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX notice_digests_once ON notice_digests (person_id, frequency, period_start);

CREATE TABLE notifications (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB REFERENCES people (id) ON DELETE CASCADE,
    organisation_id BLOB REFERENCES organisations (id) ON DELETE SET NULL,
    engagement_id BLOB,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'post', 'phone', 'none')),
    status TEXT NOT NULL CHECK (status IN ('queued', 'held', 'in_digest', 'sent', 'delivered', 'failed', 'to_print', 'printed', 'posted', 'to_phone', 'phoned', 'needs_contact', 'declined')),
    reason TEXT,
    language TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    easy_read INTEGER NOT NULL DEFAULT 0,
    print_points INTEGER,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    sealed_address BLOB,
    about TEXT NOT NULL DEFAULT '',
    recipient_name TEXT NOT NULL DEFAULT '',
    outbox_id BLOB,
    sms_id BLOB,
    digest_id BLOB REFERENCES notice_digests (id) ON DELETE SET NULL,
    outcome TEXT,
    done_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX notifications_person ON notifications (person_id, created_at);
CREATE INDEX notifications_status ON notifications (status, organisation_id);

CREATE TABLE sms_outbox (
    id BLOB PRIMARY KEY NOT NULL,
    to_number TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    provider_id TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    delivered_at TEXT
);
CREATE INDEX sms_outbox_due ON sms_outbox (status, next_attempt_at);
CREATE UNIQUE INDEX sms_outbox_provider ON sms_outbox (provider_id);
