-- Foundation: organisations, accounts, sessions, audit log and email outbox.
-- Times are UTC instants (timestamptz); ids are UUIDv7.

CREATE TABLE organisations (
    id UUID PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (name);

CREATE TABLE accounts (
    id UUID PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    is_site_admin BOOLEAN NOT NULL DEFAULT FALSE,
    support_needs BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

CREATE TABLE memberships (
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY NOT NULL,
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE password_resets (
    token_hash BYTEA PRIMARY KEY NOT NULL,
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);

CREATE TABLE invitations (
    id UUID PRIMARY KEY NOT NULL,
    token_hash BYTEA NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by UUID REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    accepted_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);

CREATE TABLE sign_in_failures (
    id UUID PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    client TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    id UUID NOT NULL,
    at TIMESTAMPTZ NOT NULL,
    actor_account_id UUID,
    organisation_id UUID,
    action TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_organisation ON audit_log (organisation_id, seq);

-- One row: the tip of the hash chain. Updating it inside each append serialises appenders.
CREATE TABLE audit_head (
    singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE outbox (
    id UUID PRIMARY KEY NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    sent_at TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
