-- Expense claims: out-of-pocket costs a person is repaid for taking part (travel, care cover,
-- childcare, meals, an overnight stay), never counted as earnings. Each line is approved or
-- queried by a finance officer and later paid in a payment run. A line's description and its
-- receipt are personal data, sealed at rest. Mileage is paid at the organisation's own rate per
-- mile, kept with the dates it applies.

CREATE TABLE payment_mileage_rates (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    per_mile_pence INTEGER NOT NULL CHECK (per_mile_pence >= 0),
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    created_at TEXT NOT NULL,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX payment_mileage_rates_organisation ON payment_mileage_rates (organisation_id, effective_from);

CREATE TABLE expense_claims (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id),
    engagement_id BLOB NOT NULL REFERENCES engagements (id),
    channel TEXT NOT NULL CHECK (channel IN ('online', 'phone', 'post', 'in_person')),
    entered_by BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX expense_claims_person ON expense_claims (person_id);
CREATE INDEX expense_claims_organisation ON expense_claims (organisation_id);

-- One cost claimed. `run_id` is the payment run it is paid in, once the payments core puts it
-- there; `paid_on` is set when that run is paid.
CREATE TABLE expense_lines (
    id BLOB PRIMARY KEY NOT NULL,
    claim_id BLOB NOT NULL REFERENCES expense_claims (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('public_transport', 'taxi', 'mileage', 'care_cover', 'childcare', 'meals', 'overnight_stay', 'other')),
    incurred_on TEXT NOT NULL,
    sealed_description BLOB,
    amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
    tenths_of_a_mile INTEGER CHECK (tenths_of_a_mile IS NULL OR tenths_of_a_mile > 0),
    per_mile_pence INTEGER,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'approved', 'queried', 'paid')),
    query_reason TEXT NOT NULL DEFAULT '',
    decided_by BLOB,
    decided_at TEXT,
    run_id BLOB,
    paid_on TEXT,
    receipt_type TEXT CHECK (receipt_type IS NULL OR receipt_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
    receipt_size INTEGER,
    sealed_receipt BLOB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((receipt_type IS NULL) = (sealed_receipt IS NULL))
);
CREATE INDEX expense_lines_claim ON expense_lines (claim_id);
CREATE INDEX expense_lines_state ON expense_lines (state);
CREATE INDEX expense_lines_run ON expense_lines (run_id);
