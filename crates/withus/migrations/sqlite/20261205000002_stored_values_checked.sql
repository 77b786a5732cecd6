-- Stored values are checked by the database too. Every column that holds one of the app's fixed
-- lists (roles, kinds, statuses, channels, regions…) accepts only the values the code knows, so a
-- bad write fails where it happens instead of being read back later as an error. NULL stays
-- allowed where the column allows it. The values are the `as_str()` names in the code; a new
-- value needs a migration that widens the list before the code writes it.
-- SQLite cannot add a CHECK to an existing table, so each column gets a BEFORE INSERT and a
-- BEFORE UPDATE trigger, named <table>_<column>_known_insert/_update, that aborts on an unknown value
-- (a table rebuilt by a later migration must recreate them).

CREATE TRIGGER organisations_kind_known_insert BEFORE INSERT ON organisations
WHEN NEW.kind NOT IN ('dpo', 'council', 'nhs_body', 'government_department', 'service_provider', 'other')
BEGIN
    SELECT RAISE(ABORT, 'organisations.kind: not a known value');
END;

CREATE TRIGGER organisations_kind_known_update BEFORE UPDATE OF kind ON organisations
WHEN NEW.kind NOT IN ('dpo', 'council', 'nhs_body', 'government_department', 'service_provider', 'other')
BEGIN
    SELECT RAISE(ABORT, 'organisations.kind: not a known value');
END;

CREATE TRIGGER memberships_role_known_insert BEFORE INSERT ON memberships
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor')
BEGIN
    SELECT RAISE(ABORT, 'memberships.role: not a known value');
END;

CREATE TRIGGER memberships_role_known_update BEFORE UPDATE OF role ON memberships
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor')
BEGIN
    SELECT RAISE(ABORT, 'memberships.role: not a known value');
END;

CREATE TRIGGER invitations_role_known_insert BEFORE INSERT ON invitations
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor')
BEGIN
    SELECT RAISE(ABORT, 'invitations.role: not a known value');
END;

CREATE TRIGGER invitations_role_known_update BEFORE UPDATE OF role ON invitations
WHEN NEW.role NOT IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor')
BEGIN
    SELECT RAISE(ABORT, 'invitations.role: not a known value');
END;

CREATE TRIGGER accounts_language_known_insert BEFORE INSERT ON accounts
WHEN NEW.language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'accounts.language: not a known value');
END;

CREATE TRIGGER accounts_language_known_update BEFORE UPDATE OF language ON accounts
WHEN NEW.language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'accounts.language: not a known value');
END;

CREATE TRIGGER outbox_status_known_insert BEFORE INSERT ON outbox
WHEN NEW.status NOT IN ('pending', 'sent', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'outbox.status: not a known value');
END;

CREATE TRIGGER outbox_status_known_update BEFORE UPDATE OF status ON outbox
WHEN NEW.status NOT IN ('pending', 'sent', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'outbox.status: not a known value');
END;

CREATE TRIGGER panel_memberships_status_known_insert BEFORE INSERT ON panel_memberships
WHEN NEW.status NOT IN ('invited', 'active', 'paused', 'left')
BEGIN
    SELECT RAISE(ABORT, 'panel_memberships.status: not a known value');
END;

CREATE TRIGGER panel_memberships_status_known_update BEFORE UPDATE OF status ON panel_memberships
WHEN NEW.status NOT IN ('invited', 'active', 'paused', 'left')
BEGIN
    SELECT RAISE(ABORT, 'panel_memberships.status: not a known value');
END;

CREATE TRIGGER people_entry_route_known_insert BEFORE INSERT ON people
WHEN NEW.entry_route NOT IN ('self_joined', 'assisted', 'imported')
BEGIN
    SELECT RAISE(ABORT, 'people.entry_route: not a known value');
END;

CREATE TRIGGER people_entry_route_known_update BEFORE UPDATE OF entry_route ON people
WHEN NEW.entry_route NOT IN ('self_joined', 'assisted', 'imported')
BEGIN
    SELECT RAISE(ABORT, 'people.entry_route: not a known value');
END;

CREATE TRIGGER people_contact_method_known_insert BEFORE INSERT ON people
WHEN NEW.contact_method NOT IN ('email', 'sms', 'phone', 'post', 'advocate')
BEGIN
    SELECT RAISE(ABORT, 'people.contact_method: not a known value');
END;

CREATE TRIGGER people_contact_method_known_update BEFORE UPDATE OF contact_method ON people
WHEN NEW.contact_method NOT IN ('email', 'sms', 'phone', 'post', 'advocate')
BEGIN
    SELECT RAISE(ABORT, 'people.contact_method: not a known value');
END;

CREATE TRIGGER people_region_known_insert BEFORE INSERT ON people
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'people.region: not a known value');
END;

CREATE TRIGGER people_region_known_update BEFORE UPDATE OF region ON people
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'people.region: not a known value');
END;

CREATE TRIGGER people_language_known_insert BEFORE INSERT ON people
WHEN NEW.language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'people.language: not a known value');
END;

CREATE TRIGGER people_language_known_update BEFORE UPDATE OF language ON people
WHEN NEW.language NOT IN ('en', 'cy')
BEGIN
    SELECT RAISE(ABORT, 'people.language: not a known value');
END;

CREATE TRIGGER person_topics_topic_known_insert BEFORE INSERT ON person_topics
WHEN NEW.topic NOT IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families')
BEGIN
    SELECT RAISE(ABORT, 'person_topics.topic: not a known value');
END;

CREATE TRIGGER person_topics_topic_known_update BEFORE UPDATE OF topic ON person_topics
WHEN NEW.topic NOT IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families')
BEGIN
    SELECT RAISE(ABORT, 'person_topics.topic: not a known value');
END;

CREATE TRIGGER consents_kind_known_insert BEFORE INSERT ON consents
WHEN NEW.kind NOT IN ('panel', 'special_category', 'share')
BEGIN
    SELECT RAISE(ABORT, 'consents.kind: not a known value');
END;

CREATE TRIGGER consents_kind_known_update BEFORE UPDATE OF kind ON consents
WHEN NEW.kind NOT IN ('panel', 'special_category', 'share')
BEGIN
    SELECT RAISE(ABORT, 'consents.kind: not a known value');
END;

CREATE TRIGGER consents_channel_known_insert BEFORE INSERT ON consents
WHEN NEW.channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'consents.channel: not a known value');
END;

CREATE TRIGGER consents_channel_known_update BEFORE UPDATE OF channel ON consents
WHEN NEW.channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'consents.channel: not a known value');
END;

CREATE TRIGGER consents_withdrawn_channel_known_insert BEFORE INSERT ON consents
WHEN NEW.withdrawn_channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'consents.withdrawn_channel: not a known value');
END;

CREATE TRIGGER consents_withdrawn_channel_known_update BEFORE UPDATE OF withdrawn_channel ON consents
WHEN NEW.withdrawn_channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'consents.withdrawn_channel: not a known value');
END;

CREATE TRIGGER data_requests_kind_known_insert BEFORE INSERT ON data_requests
WHEN NEW.kind NOT IN ('access', 'erasure', 'correction')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.kind: not a known value');
END;

CREATE TRIGGER data_requests_kind_known_update BEFORE UPDATE OF kind ON data_requests
WHEN NEW.kind NOT IN ('access', 'erasure', 'correction')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.kind: not a known value');
END;

CREATE TRIGGER data_requests_channel_known_insert BEFORE INSERT ON data_requests
WHEN NEW.channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.channel: not a known value');
END;

CREATE TRIGGER data_requests_channel_known_update BEFORE UPDATE OF channel ON data_requests
WHEN NEW.channel NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.channel: not a known value');
END;

CREATE TRIGGER data_requests_status_known_insert BEFORE INSERT ON data_requests
WHEN NEW.status NOT IN ('open', 'completed')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.status: not a known value');
END;

CREATE TRIGGER data_requests_status_known_update BEFORE UPDATE OF status ON data_requests
WHEN NEW.status NOT IN ('open', 'completed')
BEGIN
    SELECT RAISE(ABORT, 'data_requests.status: not a known value');
END;

CREATE TRIGGER import_batches_status_known_insert BEFORE INSERT ON import_batches
WHEN NEW.status NOT IN ('uploaded', 'mapped', 'importing', 'imported', 'expired')
BEGIN
    SELECT RAISE(ABORT, 'import_batches.status: not a known value');
END;

CREATE TRIGGER import_batches_status_known_update BEFORE UPDATE OF status ON import_batches
WHEN NEW.status NOT IN ('uploaded', 'mapped', 'importing', 'imported', 'expired')
BEGIN
    SELECT RAISE(ABORT, 'import_batches.status: not a known value');
END;

CREATE TRIGGER selection_runs_status_known_insert BEFORE INSERT ON selection_runs
WHEN NEW.status NOT IN ('pending', 'running', 'done', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'selection_runs.status: not a known value');
END;

CREATE TRIGGER selection_runs_status_known_update BEFORE UPDATE OF status ON selection_runs
WHEN NEW.status NOT IN ('pending', 'running', 'done', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'selection_runs.status: not a known value');
END;

CREATE TRIGGER selection_invitations_method_known_insert BEFORE INSERT ON selection_invitations
WHEN NEW.method NOT IN ('email', 'sms', 'phone', 'post', 'advocate')
BEGIN
    SELECT RAISE(ABORT, 'selection_invitations.method: not a known value');
END;

CREATE TRIGGER selection_invitations_method_known_update BEFORE UPDATE OF method ON selection_invitations
WHEN NEW.method NOT IN ('email', 'sms', 'phone', 'post', 'advocate')
BEGIN
    SELECT RAISE(ABORT, 'selection_invitations.method: not a known value');
END;

CREATE TRIGGER engagements_rung_known_insert BEFORE INSERT ON engagements
WHEN NEW.rung NOT IN ('inform', 'consult', 'involve', 'co_design', 'co_produce')
BEGIN
    SELECT RAISE(ABORT, 'engagements.rung: not a known value');
END;

CREATE TRIGGER engagements_rung_known_update BEFORE UPDATE OF rung ON engagements
WHEN NEW.rung NOT IN ('inform', 'consult', 'involve', 'co_design', 'co_produce')
BEGIN
    SELECT RAISE(ABORT, 'engagements.rung: not a known value');
END;

CREATE TRIGGER engagements_phase_known_insert BEFORE INSERT ON engagements
WHEN NEW.phase NOT IN ('inward', 'outward')
BEGIN
    SELECT RAISE(ABORT, 'engagements.phase: not a known value');
END;

CREATE TRIGGER engagements_phase_known_update BEFORE UPDATE OF phase ON engagements
WHEN NEW.phase NOT IN ('inward', 'outward')
BEGIN
    SELECT RAISE(ABORT, 'engagements.phase: not a known value');
END;

CREATE TRIGGER engagements_group_stage_known_insert BEFORE INSERT ON engagements
WHEN NEW.group_stage NOT IN ('forming', 'storming', 'norming', 'performing')
BEGIN
    SELECT RAISE(ABORT, 'engagements.group_stage: not a known value');
END;

CREATE TRIGGER engagements_group_stage_known_update BEFORE UPDATE OF group_stage ON engagements
WHEN NEW.group_stage NOT IN ('forming', 'storming', 'norming', 'performing')
BEGIN
    SELECT RAISE(ABORT, 'engagements.group_stage: not a known value');
END;

CREATE TRIGGER engagements_topic_known_insert BEFORE INSERT ON engagements
WHEN NEW.topic NOT IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families')
BEGIN
    SELECT RAISE(ABORT, 'engagements.topic: not a known value');
END;

CREATE TRIGGER engagements_topic_known_update BEFORE UPDATE OF topic ON engagements
WHEN NEW.topic NOT IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families')
BEGIN
    SELECT RAISE(ABORT, 'engagements.topic: not a known value');
END;

CREATE TRIGGER engagements_region_known_insert BEFORE INSERT ON engagements
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'engagements.region: not a known value');
END;

CREATE TRIGGER engagements_region_known_update BEFORE UPDATE OF region ON engagements
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'engagements.region: not a known value');
END;

CREATE TRIGGER engagements_openness_known_insert BEFORE INSERT ON engagements
WHEN NEW.openness NOT IN ('open', 'invitation', 'selection')
BEGIN
    SELECT RAISE(ABORT, 'engagements.openness: not a known value');
END;

CREATE TRIGGER engagements_openness_known_update BEFORE UPDATE OF openness ON engagements
WHEN NEW.openness NOT IN ('open', 'invitation', 'selection')
BEGIN
    SELECT RAISE(ABORT, 'engagements.openness: not a known value');
END;

CREATE TRIGGER engagement_settings_label_scheme_known_insert BEFORE INSERT ON engagement_settings
WHEN NEW.label_scheme NOT IN ('withus', 'tlap', 'arnstein', 'iap2')
BEGIN
    SELECT RAISE(ABORT, 'engagement_settings.label_scheme: not a known value');
END;

CREATE TRIGGER engagement_settings_label_scheme_known_update BEFORE UPDATE OF label_scheme ON engagement_settings
WHEN NEW.label_scheme NOT IN ('withus', 'tlap', 'arnstein', 'iap2')
BEGIN
    SELECT RAISE(ABORT, 'engagement_settings.label_scheme: not a known value');
END;

CREATE TRIGGER engagement_commitments_status_known_insert BEFORE INSERT ON engagement_commitments
WHEN NEW.status NOT IN ('open', 'kept', 'partly_kept', 'broken')
BEGIN
    SELECT RAISE(ABORT, 'engagement_commitments.status: not a known value');
END;

CREATE TRIGGER engagement_commitments_status_known_update BEFORE UPDATE OF status ON engagement_commitments
WHEN NEW.status NOT IN ('open', 'kept', 'partly_kept', 'broken')
BEGIN
    SELECT RAISE(ABORT, 'engagement_commitments.status: not a known value');
END;

CREATE TRIGGER engagement_commitment_history_status_known_insert BEFORE INSERT ON engagement_commitment_history
WHEN NEW.status NOT IN ('open', 'kept', 'partly_kept', 'broken')
BEGIN
    SELECT RAISE(ABORT, 'engagement_commitment_history.status: not a known value');
END;

CREATE TRIGGER engagement_commitment_history_status_known_update BEFORE UPDATE OF status ON engagement_commitment_history
WHEN NEW.status NOT IN ('open', 'kept', 'partly_kept', 'broken')
BEGIN
    SELECT RAISE(ABORT, 'engagement_commitment_history.status: not a known value');
END;

CREATE TRIGGER paper_formats_format_known_insert BEFORE INSERT ON paper_formats
WHEN NEW.format NOT IN ('standard', 'easy_read', 'large_print', 'audio', 'bsl_video', 'welsh')
BEGIN
    SELECT RAISE(ABORT, 'paper_formats.format: not a known value');
END;

CREATE TRIGGER paper_formats_format_known_update BEFORE UPDATE OF format ON paper_formats
WHEN NEW.format NOT IN ('standard', 'easy_read', 'large_print', 'audio', 'bsl_video', 'welsh')
BEGIN
    SELECT RAISE(ABORT, 'paper_formats.format: not a known value');
END;

CREATE TRIGGER events_mode_known_insert BEFORE INSERT ON events
WHEN NEW.mode NOT IN ('in_person', 'online', 'hybrid')
BEGIN
    SELECT RAISE(ABORT, 'events.mode: not a known value');
END;

CREATE TRIGGER events_mode_known_update BEFORE UPDATE OF mode ON events
WHEN NEW.mode NOT IN ('in_person', 'online', 'hybrid')
BEGIN
    SELECT RAISE(ABORT, 'events.mode: not a known value');
END;

CREATE TRIGGER events_booking_known_insert BEFORE INSERT ON events
WHEN NEW.booking NOT IN ('public', 'invitation')
BEGIN
    SELECT RAISE(ABORT, 'events.booking: not a known value');
END;

CREATE TRIGGER events_booking_known_update BEFORE UPDATE OF booking ON events
WHEN NEW.booking NOT IN ('public', 'invitation')
BEGIN
    SELECT RAISE(ABORT, 'events.booking: not a known value');
END;

CREATE TRIGGER venues_region_known_insert BEFORE INSERT ON venues
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'venues.region: not a known value');
END;

CREATE TRIGGER venues_region_known_update BEFORE UPDATE OF region ON venues
WHEN NEW.region NOT IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN')
BEGIN
    SELECT RAISE(ABORT, 'venues.region: not a known value');
END;

CREATE TRIGGER event_bookings_status_known_insert BEFORE INSERT ON event_bookings
WHEN NEW.status NOT IN ('booked', 'waiting', 'offered', 'cancelled', 'expired')
BEGIN
    SELECT RAISE(ABORT, 'event_bookings.status: not a known value');
END;

CREATE TRIGGER event_bookings_status_known_update BEFORE UPDATE OF status ON event_bookings
WHEN NEW.status NOT IN ('booked', 'waiting', 'offered', 'cancelled', 'expired')
BEGIN
    SELECT RAISE(ABORT, 'event_bookings.status: not a known value');
END;

CREATE TRIGGER event_plan_items_status_known_insert BEFORE INSERT ON event_plan_items
WHEN NEW.status NOT IN ('in_progress', 'arranged', 'met_by_venue', 'cannot_arrange')
BEGIN
    SELECT RAISE(ABORT, 'event_plan_items.status: not a known value');
END;

CREATE TRIGGER event_plan_items_status_known_update BEFORE UPDATE OF status ON event_plan_items
WHEN NEW.status NOT IN ('in_progress', 'arranged', 'met_by_venue', 'cannot_arrange')
BEGIN
    SELECT RAISE(ABORT, 'event_plan_items.status: not a known value');
END;

CREATE TRIGGER event_feedback_answer_known_insert BEFORE INSERT ON event_feedback
WHEN NEW.answer NOT IN ('yes', 'partly', 'no')
BEGIN
    SELECT RAISE(ABORT, 'event_feedback.answer: not a known value');
END;

CREATE TRIGGER event_feedback_answer_known_update BEFORE UPDATE OF answer ON event_feedback
WHEN NEW.answer NOT IN ('yes', 'partly', 'no')
BEGIN
    SELECT RAISE(ABORT, 'event_feedback.answer: not a known value');
END;

CREATE TRIGGER event_feedback_given_via_known_insert BEFORE INSERT ON event_feedback
WHEN NEW.given_via NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'event_feedback.given_via: not a known value');
END;

CREATE TRIGGER event_feedback_given_via_known_update BEFORE UPDATE OF given_via ON event_feedback
WHEN NEW.given_via NOT IN ('online', 'in_person', 'phone', 'paper', 'email')
BEGIN
    SELECT RAISE(ABORT, 'event_feedback.given_via: not a known value');
END;
