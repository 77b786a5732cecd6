-- Surveys of an engagement: what staff built (its questions, routing and pages in English, Welsh
-- and Easy Read, kept together as one JSON definition so a survey is always read whole), the
-- answers people sent, which choices each answer ticked (for counting, never free text), and
-- answers saved half-way to come back to.

CREATE TABLE surveys (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    engagement_id UUID NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- The English title, for lists; the definition holds every wording.
    title TEXT NOT NULL,
    definition TEXT NOT NULL,
    -- NULL: not yet given. Answers are taken from opens_on to closes_on, both days included.
    opens_on DATE,
    closes_on DATE,
    -- How many days answers saved half-way are kept.
    resume_days BIGINT NOT NULL DEFAULT 28,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX surveys_engagement ON surveys (engagement_id, created_at);

-- One row per answered survey. The answers are sealed (they may hold personal data and free text).
CREATE TABLE survey_responses (
    id UUID PRIMARY KEY NOT NULL,
    survey_id UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    -- The person on the register who answered, when known.
    person_id UUID REFERENCES people (id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    easy_read BOOLEAN NOT NULL DEFAULT FALSE,
    -- The staff account that entered the answers for the person, and how the person told them.
    entered_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    received_by TEXT,
    answers BYTEA NOT NULL,
    -- The contribution the answers became, and its reference for the person.
    contribution_id UUID,
    reference TEXT NOT NULL DEFAULT '',
    -- The hash of the token of the browser that sent the answers, to show it the confirmation.
    receipt_hash BYTEA,
    submitted_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, id);
CREATE INDEX survey_responses_person ON survey_responses (person_id);

-- Which question each response answered ('' choice) and which choices it ticked: what results
-- count and what a change to a live survey must keep meaningful.
CREATE TABLE survey_marks (
    response_id UUID NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
    survey_id UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    choice TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, question, choice)
);
CREATE INDEX survey_marks_survey ON survey_marks (survey_id, question, choice);

-- Answers given so far. Found by the browser that is answering (a hashed cookie token), by the
-- person signed in, by a short code written down, or by a link sent by email (both hashed).
CREATE TABLE survey_drafts (
    id UUID PRIMARY KEY NOT NULL,
    survey_id UUID NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    person_id UUID REFERENCES people (id) ON DELETE CASCADE,
    browser_hash BYTEA,
    code_hash BYTEA,
    link_hash BYTEA,
    entered_by UUID REFERENCES accounts (id) ON DELETE CASCADE,
    received_by TEXT,
    language TEXT NOT NULL,
    easy_read BOOLEAN NOT NULL DEFAULT FALSE,
    answers BYTEA NOT NULL,
    -- Reached "Check your answers": later pages go back there.
    checking BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX survey_drafts_browser ON survey_drafts (survey_id, browser_hash);
CREATE UNIQUE INDEX survey_drafts_code ON survey_drafts (code_hash);
CREATE UNIQUE INDEX survey_drafts_link ON survey_drafts (link_hash);
CREATE INDEX survey_drafts_person ON survey_drafts (person_id);

ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_language_known CHECK (language IN ('en', 'cy'));

ALTER TABLE survey_responses ADD CONSTRAINT survey_responses_received_by_known CHECK (received_by IN ('phone', 'letter', 'in_person', 'email', 'advocate'));

ALTER TABLE survey_drafts ADD CONSTRAINT survey_drafts_language_known CHECK (language IN ('en', 'cy'));

ALTER TABLE survey_drafts ADD CONSTRAINT survey_drafts_received_by_known CHECK (received_by IN ('phone', 'letter', 'in_person', 'email', 'advocate'));
