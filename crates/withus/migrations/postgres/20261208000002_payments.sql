-- Paying people for their time. A payment is due once per piece of involvement (attending an
-- event, finishing a survey, a task a facilitator records): `involvement` is unique, so nothing is
-- ever owed or paid twice. Each payment carries the person's choice for it (bank transfer,
-- voucher, less, nothing, a charity, expenses only), which they may change until it is approved.
-- Amounts are whole pence.
CREATE TABLE payment_batches (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    total_pence BIGINT NOT NULL CHECK (total_pence >= 0),
    first_approver UUID NOT NULL REFERENCES accounts (id),
    first_approved_at TIMESTAMPTZ NOT NULL,
    second_approver UUID REFERENCES accounts (id),
    second_approved_at TIMESTAMPTZ,
    status TEXT NOT NULL CHECK (status IN ('awaiting_second', 'approved')),
    CHECK (second_approver IS NULL OR second_approver <> first_approver),
    CHECK (status = 'approved' OR second_approver IS NULL)
);
CREATE INDEX payment_batches_organisation ON payment_batches (organisation_id, status);

-- A payment run: what goes to the bank on one processing date. The Bacs file and bank CSV hold
-- bank details, so they are kept sealed, exactly as made.
CREATE TABLE payment_runs (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    number INTEGER NOT NULL,
    processing_date DATE NOT NULL,
    total_pence BIGINT NOT NULL CHECK (total_pence >= 0),
    sealed_bacs BYTEA,
    sealed_bank_csv BYTEA,
    created_by UUID NOT NULL REFERENCES accounts (id),
    created_at TIMESTAMPTZ NOT NULL,
    paid_on DATE,
    UNIQUE (organisation_id, number)
);

CREATE TABLE payments (
    id UUID PRIMARY KEY NOT NULL,
    organisation_id UUID NOT NULL REFERENCES organisations (id),
    engagement_id UUID REFERENCES engagements (id),
    person_id UUID NOT NULL REFERENCES people (id),
    involvement TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL,
    rate_name TEXT NOT NULL DEFAULT '',
    earned_on DATE NOT NULL,
    offered_pence BIGINT NOT NULL CHECK (offered_pence >= 0),
    choice TEXT NOT NULL CHECK (choice IN ('bank_transfer', 'voucher', 'less', 'nothing', 'charity', 'expenses_only')),
    less_pence BIGINT CHECK (less_pence IS NULL OR less_pence >= 0),
    charity_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('due', 'awaiting_second', 'approved', 'in_run', 'paid', 'failed')),
    override_reason TEXT NOT NULL DEFAULT '',
    batch_id UUID REFERENCES payment_batches (id),
    run_id UUID REFERENCES payment_runs (id),
    paid_on DATE,
    recorded_by UUID REFERENCES accounts (id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (choice <> 'less' OR less_pence IS NOT NULL),
    CHECK (choice <> 'charity' OR charity_name <> '')
);
CREATE INDEX payments_organisation ON payments (organisation_id, status);
CREATE INDEX payments_person ON payments (person_id, earned_on);
CREATE INDEX payments_run ON payments (run_id);

-- A person's bank details and the benefit earnings limit they told us about, each sealed: only
-- the person and the finance officers of an organisation paying them see them.
CREATE TABLE payment_profiles (
    person_id UUID PRIMARY KEY NOT NULL REFERENCES people (id),
    sealed_bank_details BYTEA,
    sealed_declared_limit BYTEA,
    updated_at TIMESTAMPTZ NOT NULL
);
