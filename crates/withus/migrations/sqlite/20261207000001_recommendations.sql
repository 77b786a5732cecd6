-- Recommendations tracked to implementation: what an engagement recommended, to whom, the decision
-- on it (kept apart from its delivery), milestones with evidence, an append-only timeline, the
-- people who follow it, and whether the disabled people asked say it made the difference.

-- How an engagement's recommendations count as verified: the largest share of "no" answers (in
-- percent of the answers given) a verified recommendation may have.
CREATE TABLE recommendation_rules (
    engagement_id BLOB PRIMARY KEY NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    max_no_percent INTEGER NOT NULL CHECK (max_no_percent BETWEEN 0 AND 100),
    updated_at TEXT NOT NULL
);

-- A working group given the task of monitoring a set of recommendations.
CREATE TABLE implementation_groups (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX implementation_groups_organisation ON implementation_groups (organisation_id);

CREATE TABLE implementation_group_members (
    group_id BLOB NOT NULL REFERENCES implementation_groups (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    added_at TEXT NOT NULL,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX implementation_group_members_person ON implementation_group_members (person_id);

CREATE TABLE recommendations (
    id BLOB PRIMARY KEY NOT NULL,
    engagement_id BLOB NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number > 0),
    title_en TEXT NOT NULL,
    title_cy TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL,
    body_cy TEXT NOT NULL DEFAULT '',
    easy_read TEXT NOT NULL DEFAULT '',
    addressed_to TEXT NOT NULL,
    owner_organisation TEXT NOT NULL,
    owner_role TEXT NOT NULL,
    lead_name TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL,
    priority TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    decision TEXT NOT NULL DEFAULT 'proposed' CHECK (decision IN ('proposed', 'accepted', 'accepted_in_part', 'rejected')),
    -- The part accepted, or the reason for rejecting: never empty for those two decisions.
    decision_note TEXT NOT NULL DEFAULT '',
    decided_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at TEXT,
    delivery TEXT NOT NULL DEFAULT 'not_started' CHECK (delivery IN ('not_started', 'in_progress', 'implemented')),
    implemented_on TEXT,
    -- Verification starts again at each reopening; answers belong to one round.
    round INTEGER NOT NULL DEFAULT 1 CHECK (round > 0),
    group_id BLOB REFERENCES implementation_groups (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    UNIQUE (engagement_id, number),
    CHECK (decision NOT IN ('rejected', 'accepted_in_part') OR decision_note <> ''),
    CHECK (delivery = 'not_started' OR decision IN ('accepted', 'accepted_in_part'))
);
CREATE INDEX recommendations_modified ON recommendations (modified_at);
CREATE INDEX recommendations_group ON recommendations (group_id);

CREATE TABLE recommendation_themes (
    recommendation_id BLOB NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    theme_id BLOB NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (recommendation_id, theme_id)
);

CREATE TABLE recommendation_milestones (
    id BLOB PRIMARY KEY NOT NULL,
    recommendation_id BLOB NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    done_on TEXT,
    evidence_note TEXT NOT NULL DEFAULT '',
    evidence_link TEXT NOT NULL DEFAULT '',
    file_name TEXT,
    content_type TEXT,
    file_content BLOB,
    created_at TEXT NOT NULL,
    CHECK ((file_name IS NULL) = (file_content IS NULL))
);
CREATE INDEX recommendation_milestones_recommendation ON recommendation_milestones (recommendation_id, due_on);

-- Every change to a recommendation, appended and never changed. `detail` is public words (a
-- reason, a milestone's title); the staff account is kept for the audit, never published.
CREATE TABLE recommendation_history (
    id BLOB PRIMARY KEY NOT NULL,
    recommendation_id BLOB NOT NULL REFERENCES recommendations (id),
    changed_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('proposed', 'decided', 'delivery', 'milestone_added', 'milestone_done', 'verification_asked', 'verified', 'not_verified', 'reopened')),
    decision TEXT NOT NULL,
    delivery TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    account_id BLOB
);
CREATE INDEX recommendation_history_recommendation ON recommendation_history (recommendation_id, changed_at);
CREATE INDEX recommendation_history_changed ON recommendation_history (changed_at);

CREATE TRIGGER recommendation_history_no_update BEFORE UPDATE ON recommendation_history
BEGIN SELECT RAISE(ABORT, 'recommendation_history is append-only'); END;
CREATE TRIGGER recommendation_history_no_delete BEFORE DELETE ON recommendation_history
BEGIN SELECT RAISE(ABORT, 'recommendation_history is append-only'); END;

-- Who was asked whether an implemented recommendation made the difference, in each round.
CREATE TABLE recommendation_askings (
    recommendation_id BLOB NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    asked_at TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, round, person_id)
);
CREATE INDEX recommendation_askings_person ON recommendation_askings (person_id);

-- One answer a person a round: answering again replaces it, so a "yes" said twice counts once.
CREATE TABLE recommendation_answers (
    recommendation_id BLOB NOT NULL,
    round INTEGER NOT NULL,
    person_id BLOB NOT NULL,
    answer TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no')),
    words TEXT NOT NULL DEFAULT '',
    answered_at TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, round, person_id),
    FOREIGN KEY (recommendation_id, round, person_id) REFERENCES recommendation_askings (recommendation_id, round, person_id) ON DELETE CASCADE
);

-- A person's own choice to follow or stop following; people who raised a linked theme follow
-- without a row here.
CREATE TABLE recommendation_follows (
    recommendation_id BLOB NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    following INTEGER NOT NULL CHECK (following IN (0, 1)),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, person_id)
);
CREATE INDEX recommendation_follows_person ON recommendation_follows (person_id);

-- Notes an implementation group keeps on what it monitors.
CREATE TABLE implementation_group_notes (
    id BLOB PRIMARY KEY NOT NULL,
    group_id BLOB NOT NULL REFERENCES implementation_groups (id) ON DELETE CASCADE,
    recommendation_id BLOB REFERENCES recommendations (id) ON DELETE CASCADE,
    person_id BLOB REFERENCES people (id) ON DELETE CASCADE,
    account_id BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX implementation_group_notes_group ON implementation_group_notes (group_id, created_at);

-- The organisation's public figures as they stood each day, for the daily snapshot download.
CREATE TABLE accountability_snapshots (
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    figures TEXT NOT NULL,
    taken_at TEXT NOT NULL,
    PRIMARY KEY (organisation_id, day)
);
