-- Foundation: organisations, accounts, sessions, audit log and email outbox.
-- Times are UTC instants stored as RFC 3339 text; ids are UUIDv7 as 16-byte blobs.

CREATE TABLE organisations (
    id BLOB PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (name);

CREATE TABLE accounts (
    id BLOB PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    is_site_admin INTEGER NOT NULL DEFAULT 0,
    support_needs BLOB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email);

CREATE TABLE memberships (
    account_id BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY NOT NULL,
    account_id BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE password_resets (
    token_hash BLOB PRIMARY KEY NOT NULL,
    account_id BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE invitations (
    id BLOB PRIMARY KEY NOT NULL,
    token_hash BLOB NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    invited_by BLOB REFERENCES accounts (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    accepted_at TEXT
);
CREATE UNIQUE INDEX invitations_token ON invitations (token_hash);

CREATE TABLE sign_in_failures (
    id BLOB PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    client TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, at);
CREATE INDEX sign_in_failures_client ON sign_in_failures (client, at);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY NOT NULL,
    id BLOB NOT NULL,
    at TEXT NOT NULL,
    actor_account_id BLOB,
    organisation_id BLOB,
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
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE outbox (
    id BLOB PRIMARY KEY NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
