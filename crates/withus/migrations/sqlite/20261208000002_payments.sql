-- Paying people for their time. A payment is due once per piece of involvement (attending an
-- event, finishing a survey, a task a facilitator records): `involvement` is unique, so nothing is
-- ever owed or paid twice. Each payment carries the person's choice for it (bank transfer,
-- voucher, less, nothing, a charity, expenses only), which they may change until it is approved.
-- Amounts are whole pence.
CREATE TABLE payment_batches (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    total_pence INTEGER NOT NULL CHECK (total_pence >= 0),
    first_approver BLOB NOT NULL REFERENCES accounts (id),
    first_approved_at TEXT NOT NULL,
    second_approver BLOB REFERENCES accounts (id),
    second_approved_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('awaiting_second', 'approved')),
    CHECK (second_approver IS NULL OR second_approver <> first_approver),
    CHECK (status = 'approved' OR second_approver IS NULL)
);
CREATE INDEX payment_batches_organisation ON payment_batches (organisation_id, status);

-- A payment run: what goes to the bank on one processing date. The Bacs file and bank CSV hold
-- bank details, so they are kept sealed, exactly as made.
CREATE TABLE payment_runs (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    number INTEGER NOT NULL,
    processing_date TEXT NOT NULL,
    total_pence INTEGER NOT NULL CHECK (total_pence >= 0),
    sealed_bacs BLOB,
    sealed_bank_csv BLOB,
    created_by BLOB NOT NULL REFERENCES accounts (id),
    created_at TEXT NOT NULL,
    paid_on TEXT,
    UNIQUE (organisation_id, number)
);

CREATE TABLE payments (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id),
    engagement_id BLOB REFERENCES engagements (id),
    person_id BLOB NOT NULL REFERENCES people (id),
    involvement TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    rate_name TEXT NOT NULL DEFAULT '',
    earned_on TEXT NOT NULL,
    offered_pence INTEGER NOT NULL CHECK (offered_pence >= 0),
    choice TEXT NOT NULL CHECK (choice IN ('bank_transfer', 'voucher', 'less', 'nothing', 'charity', 'expenses_only')),
    less_pence INTEGER CHECK (less_pence IS NULL OR less_pence >= 0),
    charity_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('due', 'awaiting_second', 'approved', 'in_run', 'paid', 'failed')),
    override_reason TEXT NOT NULL DEFAULT '',
    batch_id BLOB REFERENCES payment_batches (id),
    run_id BLOB REFERENCES payment_runs (id),
    paid_on TEXT,
    recorded_by BLOB REFERENCES accounts (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (choice <> 'less' OR less_pence IS NOT NULL),
    CHECK (choice <> 'charity' OR charity_name <> '')
);
CREATE INDEX payments_organisation ON payments (organisation_id, status);
CREATE INDEX payments_person ON payments (person_id, earned_on);
CREATE INDEX payments_run ON payments (run_id);

-- A person's bank details and the benefit earnings limit they told us about, each sealed: only
-- the person and the finance officers of an organisation paying them see them.
CREATE TABLE payment_profiles (
    person_id BLOB PRIMARY KEY NOT NULL REFERENCES people (id),
    sealed_bank_details BLOB,
    sealed_declared_limit BLOB,
    updated_at TEXT NOT NULL
);
