-- Working groups chosen fairly from a panel: the quotas, each computation of fair chances (with the
-- published lottery and its SHA-256), the draw, and the invitations sent to the people drawn.

CREATE TABLE selections (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    panel_id BLOB NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    panel_size INTEGER NOT NULL,
    rotation INTEGER NOT NULL,
    rotation_months INTEGER NOT NULL,
    -- Quotas per feature value, as JSON; empty until set.
    quotas TEXT NOT NULL DEFAULT '',
    created_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- The draw: which computation's lottery, the seed, and the record anyone can re-check.
    drawn_run_id BLOB,
    seed TEXT,
    draw_record TEXT,
    drawn_at TEXT,
    drawn_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    invited_at TEXT,
    invited_by BLOB REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX selections_organisation ON selections (organisation_id, created_at);

-- One computation of the fair chances. The pool with its features is sealed (it holds monitoring
-- answers); the lottery, the chances and the hash hold only ids and numbers.
CREATE TABLE selection_runs (
    id BLOB PRIMARY KEY NOT NULL,
    selection_id BLOB NOT NULL REFERENCES selections (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    quotas TEXT NOT NULL,
    problem BLOB NOT NULL,
    pool_size INTEGER NOT NULL,
    started_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    result TEXT,
    lottery TEXT,
    lottery_sha256 TEXT
);
CREATE INDEX selection_runs_selection ON selection_runs (selection_id, created_at);

CREATE TABLE selection_invitations (
    selection_id BLOB NOT NULL REFERENCES selections (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- 'email' when an email was queued; otherwise the person's preferred way to be contacted.
    method TEXT NOT NULL,
    outbox_id BLOB,
    invited_at TEXT NOT NULL,
    invited_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (selection_id, person_id)
);
