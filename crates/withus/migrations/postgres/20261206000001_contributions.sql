-- Closing the loop: everything people give an engagement (contributions, from every channel, with
-- their files), the themes facilitators tag them with, the human acknowledgement each is owed within
-- a target the engagement states up front, and the "You said, we did" report with its draft comments.

-- What an engagement promises up front about answering people.
CREATE TABLE contribution_promises (
    engagement_id UUID PRIMARY KEY NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- Working days within which the team acknowledges each contribution in person.
    acknowledge_within_days INTEGER NOT NULL DEFAULT 10 CHECK (acknowledge_within_days BETWEEN 1 AND 60),
    -- The day by which the feedback report is promised.
    report_due_on DATE,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE contributions (
    id UUID PRIMARY KEY NOT NULL,
    engagement_id UUID NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    event_id UUID REFERENCES events (id) ON DELETE SET NULL,
    -- The author on the register, if known. Anonymous hides them from staff and reports only.
    person_id UUID REFERENCES people (id) ON DELETE SET NULL,
    anonymous BOOLEAN NOT NULL DEFAULT FALSE,
    channel TEXT NOT NULL CHECK (channel IN ('survey', 'comment', 'at_event', 'letter', 'phone', 'email', 'bsl_video', 'easy_read_paper', 'advocate')),
    -- The staff account that entered it for the person, and how the person gave it to them.
    entered_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    received_by TEXT CHECK (received_by IN ('phone', 'letter', 'in_person', 'email', 'advocate', 'bsl_video')),
    -- The words, sealed (they may say anything about health).
    sealed_text BYTEA NOT NULL,
    -- Where to send the receipt when the author is not on the register, sealed.
    sealed_email BYTEA,
    may_quote BOOLEAN NOT NULL DEFAULT FALSE,
    survey_response_id UUID,
    reference TEXT NOT NULL UNIQUE,
    received_at TIMESTAMPTZ NOT NULL,
    withdrawn_at TIMESTAMPTZ,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    acknowledgement TEXT,
    CHECK ((entered_by IS NULL) = (received_by IS NULL))
);
CREATE INDEX contributions_engagement ON contributions (engagement_id, received_at);
CREATE INDEX contributions_person ON contributions (person_id, received_at);

CREATE TABLE contribution_files (
    id UUID PRIMARY KEY NOT NULL,
    contribution_id UUID NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sealed_content BYTEA NOT NULL,
    added_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX contribution_files_contribution ON contribution_files (contribution_id);

CREATE TABLE themes (
    id UUID PRIMARY KEY NOT NULL,
    engagement_id UUID NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- A merged theme stays, pointing at the theme it became, so its history reads true.
    merged_into UUID REFERENCES themes (id),
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX themes_engagement ON themes (engagement_id);

CREATE TABLE contribution_themes (
    contribution_id UUID NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
    theme_id UUID NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (contribution_id, theme_id)
);
CREATE INDEX contribution_themes_theme ON contribution_themes (theme_id);

CREATE TABLE feedback_reports (
    engagement_id UUID PRIMARY KEY NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    decided TEXT NOT NULL DEFAULT '',
    not_done TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    next_by DATE,
    published_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Comments on a draft report from members of the engagement's working group.
CREATE TABLE feedback_report_comments (
    id UUID PRIMARY KEY NOT NULL,
    engagement_id UUID NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    person_id UUID REFERENCES people (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_report_comments_engagement ON feedback_report_comments (engagement_id, created_at);
