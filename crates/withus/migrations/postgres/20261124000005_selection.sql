-- Working groups chosen fairly from a panel: the quotas, each computation of fair chances (with the
-- published lottery and its SHA-256), the draw, and the invitations sent to the people drawn.

CREATE TABLE selections (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    panel_id UUID NOT NULL REFERENCES panels (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    panel_size BIGINT NOT NULL,
    rotation BOOLEAN NOT NULL,
    rotation_months BIGINT NOT NULL,
    -- Quotas per feature value, as JSON; empty until set.
    quotas TEXT NOT NULL DEFAULT '',
    created_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- The draw: which computation's lottery, the seed, and the record anyone can re-check.
    drawn_run_id UUID,
    seed TEXT,
    draw_record TEXT,
    drawn_at TIMESTAMPTZ,
    drawn_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    invited_at TIMESTAMPTZ,
    invited_by UUID REFERENCES accounts (id) ON DELETE SET NULL
);
CREATE INDEX selections_organisation ON selections (organisation_id, created_at);

-- One computation of the fair chances. The pool with its features is sealed (it holds monitoring
-- answers); the lottery, the chances and the hash hold only ids and numbers.
CREATE TABLE selection_runs (
    id UUID PRIMARY KEY NOT NULL,
    selection_id UUID NOT NULL REFERENCES selections (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    quotas TEXT NOT NULL,
    problem BYTEA NOT NULL,
    pool_size BIGINT NOT NULL,
    started_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    error TEXT,
    result TEXT,
    lottery TEXT,
    lottery_sha256 TEXT
);
CREATE INDEX selection_runs_selection ON selection_runs (selection_id, created_at);

CREATE TABLE selection_invitations (
    selection_id UUID NOT NULL REFERENCES selections (id) ON DELETE CASCADE,
    person_id UUID NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- 'email' when an email was queued; otherwise the person's preferred way to be contacted.
    method TEXT NOT NULL,
    outbox_id UUID,
    invited_at TIMESTAMPTZ NOT NULL,
    invited_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    PRIMARY KEY (selection_id, person_id)
);
