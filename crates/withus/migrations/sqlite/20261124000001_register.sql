-- Panel register: panels, the people on them, their consents, and what they tell us.
-- Monitoring answers, access needs, preferences and postal addresses are sealed (encrypted) blobs;
-- filtering on monitoring answers uses keyed tokens (a blind index), never the answers themselves.

CREATE TABLE panels (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    open_to_sign_up INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX panels_name ON panels (organisation_id, name);

-- Organisations a panel works with. Their staff see a person only through that person's consent.
CREATE TABLE panel_partners (
    panel_id BLOB NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (panel_id, organisation_id)
);
CREATE INDEX panel_partners_organisation ON panel_partners (organisation_id);

CREATE TABLE people (
    id BLOB PRIMARY KEY NOT NULL,
    account_id BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    display_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    postal_address BLOB,
    contact_method TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    region TEXT,
    local_authority TEXT,
    preferences BLOB,
    access_needs BLOB,
    access_needs_reviewed_at TEXT,
    monitoring BLOB,
    entry_route TEXT NOT NULL,
    last_involved_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    erased_at TEXT
);
CREATE UNIQUE INDEX people_account ON people (account_id);
CREATE INDEX people_email ON people (email);
CREATE INDEX people_phone ON people (phone);
CREATE INDEX people_name ON people (display_name, id);
CREATE INDEX people_region ON people (region);
CREATE INDEX people_last_involved ON people (last_involved_at);

CREATE TABLE panel_memberships (
    panel_id BLOB NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    joined_at TEXT NOT NULL,
    status_changed_at TEXT NOT NULL,
    PRIMARY KEY (panel_id, person_id)
);
CREATE INDEX panel_memberships_person ON panel_memberships (person_id);
CREATE INDEX panel_memberships_panel_status ON panel_memberships (panel_id, status, person_id);

CREATE TABLE person_topics (
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (person_id, topic)
);
CREATE INDEX person_topics_topic ON person_topics (topic, person_id);

-- Keyed tokens of (question, answer) pairs: lets permitted staff filter and count without plaintext.
CREATE TABLE monitoring_tokens (
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    token BLOB NOT NULL,
    PRIMARY KEY (person_id, token)
);
CREATE INDEX monitoring_tokens_token ON monitoring_tokens (token, person_id);

CREATE TABLE consents (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    panel_id BLOB REFERENCES panels (id) ON DELETE CASCADE,
    partner_organisation_id BLOB REFERENCES organisations (id) ON DELETE CASCADE,
    scope TEXT NOT NULL DEFAULT '',
    wording_version TEXT NOT NULL,
    channel TEXT NOT NULL,
    given_at TEXT NOT NULL,
    recorded_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    withdrawn_at TEXT,
    withdrawn_channel TEXT
);
CREATE INDEX consents_person ON consents (person_id, kind);
CREATE INDEX consents_partner ON consents (partner_organisation_id, kind);

-- Each time a person took part: feeds "last involved" and "how often in the past 12 months".
CREATE TABLE involvements (
    id BLOB PRIMARY KEY NOT NULL,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    occurred_at TEXT NOT NULL
);
CREATE INDEX involvements_person ON involvements (person_id, occurred_at);

-- Monitoring questions each organisation asks; the defaults are copied in on first use.
CREATE TABLE monitoring_questions (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    category TEXT NOT NULL,
    text_en TEXT NOT NULL,
    text_cy TEXT NOT NULL,
    hint_en TEXT NOT NULL DEFAULT '',
    hint_cy TEXT NOT NULL DEFAULT '',
    multiple INTEGER NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX monitoring_questions_code ON monitoring_questions (organisation_id, code);

CREATE TABLE monitoring_options (
    question_id BLOB NOT NULL REFERENCES monitoring_questions (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    label_en TEXT NOT NULL,
    label_cy TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (question_id, code)
);

-- Population shares to compare a panel with, per organisation and area, in hundredths of a percent.
CREATE TABLE population_benchmarks (
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    question_code TEXT NOT NULL,
    option_code TEXT NOT NULL,
    share_basis_points INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (organisation_id, question_code, option_code)
);

-- Subject access, erasure and correction requests, tracked against the one-month deadline.
CREATE TABLE data_requests (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id BLOB REFERENCES people (id) ON DELETE SET NULL,
    person_label TEXT NOT NULL,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    recorded_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    completed_at TEXT,
    completed_by BLOB REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX data_requests_organisation ON data_requests (organisation_id, status, due_at);

-- Tasks for facilitators, such as "this person would rather explain their needs in a conversation".
CREATE TABLE follow_ups (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    done_at TEXT,
    done_by BLOB REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX follow_ups_organisation ON follow_ups (organisation_id, done_at);

-- An uploaded spreadsheet waiting for its columns to be mapped and its rows confirmed. Sealed.
CREATE TABLE import_batches (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    panel_id BLOB NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    created_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    file_name TEXT NOT NULL,
    contents BLOB NOT NULL,
    mapping TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    imported_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX import_batches_organisation ON import_batches (organisation_id, created_at);
