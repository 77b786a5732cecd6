-- Engagements: pieces of co-production work that state their power honestly (the rung on the ladder of
-- participation, what is decided, what can change, the limits), and the commitments made up front.
-- Text the public reads is stored in English and Welsh (`_cy` may be empty: the page falls back).

-- Which ladder's labels an organisation shows on top of the stored five-step scale.
CREATE TABLE engagement_settings (
    organisation_id BLOB PRIMARY KEY NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    label_scheme TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE engagements (
    id BLOB PRIMARY KEY NOT NULL,
    -- The lead organisation.
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title_en TEXT NOT NULL,
    title_cy TEXT NOT NULL DEFAULT '',
    summary_en TEXT NOT NULL DEFAULT '',
    summary_cy TEXT NOT NULL DEFAULT '',
    rung TEXT NOT NULL,
    decided_en TEXT NOT NULL DEFAULT '',
    decided_cy TEXT NOT NULL DEFAULT '',
    can_change_en TEXT NOT NULL DEFAULT '',
    can_change_cy TEXT NOT NULL DEFAULT '',
    limits_en TEXT NOT NULL DEFAULT '',
    limits_cy TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL,
    group_stage TEXT NOT NULL,
    topic TEXT NOT NULL,
    area_en TEXT NOT NULL DEFAULT '',
    area_cy TEXT NOT NULL DEFAULT '',
    region TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    openness TEXT NOT NULL,
    take_part_en TEXT NOT NULL DEFAULT '',
    take_part_cy TEXT NOT NULL DEFAULT '',
    published INTEGER NOT NULL DEFAULT 0,
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX engagements_organisation ON engagements (organisation_id, starts_on);
CREATE INDEX engagements_public ON engagements (published, ends_on, topic);

-- Organisations running an engagement with the lead. With equal rights they edit it as the lead does;
-- without, their staff can see it.
CREATE TABLE engagement_partners (
    engagement_id BLOB NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    equal_rights INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    PRIMARY KEY (engagement_id, organisation_id)
);
CREATE INDEX engagement_partners_organisation ON engagement_partners (organisation_id);

-- Promises made up front, each later marked kept, partly kept or broken with a public explanation.
CREATE TABLE engagement_commitments (
    id BLOB PRIMARY KEY NOT NULL,
    engagement_id BLOB NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    statement_en TEXT NOT NULL,
    statement_cy TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    target_en TEXT NOT NULL DEFAULT '',
    target_cy TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    explanation_en TEXT NOT NULL DEFAULT '',
    explanation_cy TEXT NOT NULL DEFAULT '',
    status_changed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX engagement_commitments_engagement ON engagement_commitments (engagement_id, due_on);

-- Every status a commitment has had, appended and never changed.
CREATE TABLE engagement_commitment_history (
    id BLOB PRIMARY KEY NOT NULL,
    commitment_id BLOB NOT NULL REFERENCES engagement_commitments (id),
    status TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '',
    explanation_en TEXT NOT NULL DEFAULT '',
    explanation_cy TEXT NOT NULL DEFAULT '',
    changed_by BLOB,
    changed_at TEXT NOT NULL
);
CREATE INDEX engagement_commitment_history_commitment ON engagement_commitment_history (commitment_id, changed_at);

CREATE TRIGGER engagement_commitment_history_no_update BEFORE UPDATE ON engagement_commitment_history
BEGIN SELECT RAISE(ABORT, 'engagement_commitment_history is append-only'); END;
CREATE TRIGGER engagement_commitment_history_no_delete BEFORE DELETE ON engagement_commitment_history
BEGIN SELECT RAISE(ABORT, 'engagement_commitment_history is append-only'); END;
