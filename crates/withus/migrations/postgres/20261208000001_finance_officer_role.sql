-- A finance officer approves and pays payments for people's time and expenses.
ALTER TABLE memberships DROP CONSTRAINT memberships_role_known;
ALTER TABLE memberships ADD CONSTRAINT memberships_role_known CHECK (role IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_known;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_known CHECK (role IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer'));
