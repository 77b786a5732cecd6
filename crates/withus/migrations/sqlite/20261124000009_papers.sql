-- Papers of an engagement or one of its events (agendas, briefings, minutes), with the formats each
-- is available in and a link to each where there is one, and when it was published.

CREATE TABLE papers (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    engagement_id BLOB NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- NULL: a paper for the whole engagement, so for every one of its events.
    event_id BLOB REFERENCES events (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- NULL while not published; shown publicly only once set.
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX papers_engagement ON papers (engagement_id, event_id, created_at);

-- One row per format the paper is available in: standard, easy_read, large_print, audio,
-- bsl_video, welsh. `link` is an http(s) address, or '' when there is none to give.
CREATE TABLE paper_formats (
    paper_id BLOB NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    format TEXT NOT NULL,
    link TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (paper_id, format)
);
