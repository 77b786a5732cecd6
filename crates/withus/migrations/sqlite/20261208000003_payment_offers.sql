-- Rates stated up front: each organisation's rate card for time (with the dates each rate
-- applies), its payment settings, and each engagement's payment offer, so people know what they
-- will be paid and which costs are repaid before they agree to take part.

-- One line of an organisation's rate card. Rates of the same name may not overlap in time; the
-- application checks this before it writes.
CREATE TABLE payment_rates (
    id BLOB PRIMARY KEY NOT NULL,
    organisation_id BLOB NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name <> ''),
    unit TEXT NOT NULL CHECK (unit IN ('hour', 'half_day', 'day', 'task')),
    amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    created_at TEXT NOT NULL,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX payment_rates_organisation ON payment_rates (organisation_id);

-- How an organisation pays: one row per organisation, none until an administrator sets it.
CREATE TABLE payment_settings (
    organisation_id BLOB PRIMARY KEY NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    -- A batch whose total is above this needs two different finance officers to approve it.
    two_person_threshold_pence INTEGER NOT NULL CHECK (two_person_threshold_pence >= 0),
    pays_through TEXT NOT NULL CHECK (pays_through IN ('bank_transfer', 'payroll')),
    late_within_hours INTEGER NOT NULL CHECK (late_within_hours >= 0),
    late_pays TEXT NOT NULL CHECK (late_pays IN ('full', 'half', 'none')),
    retention_years INTEGER NOT NULL CHECK (retention_years > 0),
    -- The organisation's own account for Bacs files; all four are given together or not at all.
    originator_name TEXT,
    originator_sort_code TEXT,
    originator_account_number TEXT,
    service_user_number TEXT,
    updated_at TEXT NOT NULL,
    CHECK ((originator_name IS NULL) = (originator_sort_code IS NULL)
        AND (originator_name IS NULL) = (originator_account_number IS NULL)
        AND (originator_name IS NULL) = (service_user_number IS NULL))
);

-- What an engagement offers the people who take part: one per engagement.
CREATE TABLE payment_offers (
    engagement_id BLOB PRIMARY KEY NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
    -- The name of a rate on the organisation's card; the rate in force on the day is paid. None
    -- means the engagement repays expenses only.
    rate_name TEXT,
    pays_events INTEGER NOT NULL DEFAULT 0,
    pays_surveys INTEGER NOT NULL DEFAULT 0,
    survey_minutes INTEGER NOT NULL DEFAULT 0 CHECK (survey_minutes >= 0),
    covers_public_transport INTEGER NOT NULL DEFAULT 0,
    covers_taxi INTEGER NOT NULL DEFAULT 0,
    covers_mileage INTEGER NOT NULL DEFAULT 0,
    covers_carer INTEGER NOT NULL DEFAULT 0,
    covers_childcare INTEGER NOT NULL DEFAULT 0,
    covers_meals INTEGER NOT NULL DEFAULT 0,
    covers_overnight INTEGER NOT NULL DEFAULT 0,
    working_days INTEGER NOT NULL CHECK (working_days > 0),
    note TEXT NOT NULL DEFAULT '',
    budget_pence INTEGER CHECK (budget_pence IS NULL OR budget_pence >= 0),
    updated_at TEXT NOT NULL,
    CHECK (pays_surveys = 0 OR survey_minutes > 0)
);
