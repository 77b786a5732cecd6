-- A finance officer approves and pays payments for people's time and expenses.
DROP TRIGGER memberships_role_known_insert;
CREATE TRIGGER memberships_role_known_insert BEFORE INSERT ON memberships
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer')
BEGIN
    SELECT RAISE(ABORT, 'memberships.role: not a known value');
END;
DROP TRIGGER memberships_role_known_update;
CREATE TRIGGER memberships_role_known_update BEFORE UPDATE OF role ON memberships
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer')
BEGIN
    SELECT RAISE(ABORT, 'memberships.role: not a known value');
END;
DROP TRIGGER invitations_role_known_insert;
CREATE TRIGGER invitations_role_known_insert BEFORE INSERT ON invitations
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer')
BEGIN
    SELECT RAISE(ABORT, 'invitations.role: not a known value');
END;
DROP TRIGGER invitations_role_known_update;
CREATE TRIGGER invitations_role_known_update BEFORE UPDATE OF role ON invitations
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor', 'finance_officer')
BEGIN
    SELECT RAISE(ABORT, 'invitations.role: not a known value');
END;
