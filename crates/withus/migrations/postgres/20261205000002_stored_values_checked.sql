-- Stored values are checked by the database too. Every column that holds one of the app's fixed
-- lists (roles, kinds, statuses, channels, regions…) accepts only the values the code knows, so a
-- bad write fails where it happens instead of being read back later as an error. NULL stays
-- allowed where the column allows it. The values are the `as_str()` names in the code; a new
-- value needs a migration that widens the list before the code writes it.
-- PostgreSQL: CHECK constraints, named <table>_<column>_known.

ALTER TABLE organisations ADD CONSTRAINT organisations_kind_known CHECK (kind IN ('dpo', 'council', 'nhs_body', 'government_department', 'service_provider', 'other'));

ALTER TABLE memberships ADD CONSTRAINT memberships_role_known CHECK (role IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor'));

ALTER TABLE invitations ADD CONSTRAINT invitations_role_known CHECK (role IN ('member', 'facilitator', 'officer', 'organisation_admin', 'auditor'));

ALTER TABLE accounts ADD CONSTRAINT accounts_language_known CHECK (language IN ('en', 'cy'));

ALTER TABLE outbox ADD CONSTRAINT outbox_status_known CHECK (status IN ('pending', 'sent', 'failed'));

ALTER TABLE panel_memberships ADD CONSTRAINT panel_memberships_status_known CHECK (status IN ('invited', 'active', 'paused', 'left'));

ALTER TABLE people ADD CONSTRAINT people_entry_route_known CHECK (entry_route IN ('self_joined', 'assisted', 'imported'));

ALTER TABLE people ADD CONSTRAINT people_contact_method_known CHECK (contact_method IN ('email', 'sms', 'phone', 'post', 'advocate'));

ALTER TABLE people ADD CONSTRAINT people_region_known CHECK (region IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN'));

ALTER TABLE people ADD CONSTRAINT people_language_known CHECK (language IN ('en', 'cy'));

ALTER TABLE person_topics ADD CONSTRAINT person_topics_topic_known CHECK (topic IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families'));

ALTER TABLE consents ADD CONSTRAINT consents_kind_known CHECK (kind IN ('panel', 'special_category', 'share'));

ALTER TABLE consents ADD CONSTRAINT consents_channel_known CHECK (channel IN ('online', 'in_person', 'phone', 'paper', 'email'));

ALTER TABLE consents ADD CONSTRAINT consents_withdrawn_channel_known CHECK (withdrawn_channel IN ('online', 'in_person', 'phone', 'paper', 'email'));

ALTER TABLE data_requests ADD CONSTRAINT data_requests_kind_known CHECK (kind IN ('access', 'erasure', 'correction'));

ALTER TABLE data_requests ADD CONSTRAINT data_requests_channel_known CHECK (channel IN ('online', 'in_person', 'phone', 'paper', 'email'));

ALTER TABLE data_requests ADD CONSTRAINT data_requests_status_known CHECK (status IN ('open', 'completed'));

ALTER TABLE import_batches ADD CONSTRAINT import_batches_status_known CHECK (status IN ('uploaded', 'mapped', 'importing', 'imported', 'expired'));

ALTER TABLE selection_runs ADD CONSTRAINT selection_runs_status_known CHECK (status IN ('pending', 'running', 'done', 'failed'));

ALTER TABLE selection_invitations ADD CONSTRAINT selection_invitations_method_known CHECK (method IN ('email', 'sms', 'phone', 'post', 'advocate'));

ALTER TABLE engagements ADD CONSTRAINT engagements_rung_known CHECK (rung IN ('inform', 'consult', 'involve', 'co_design', 'co_produce'));

ALTER TABLE engagements ADD CONSTRAINT engagements_phase_known CHECK (phase IN ('inward', 'outward'));

ALTER TABLE engagements ADD CONSTRAINT engagements_group_stage_known CHECK (group_stage IN ('forming', 'storming', 'norming', 'performing'));

ALTER TABLE engagements ADD CONSTRAINT engagements_topic_known CHECK (topic IN ('transport', 'housing', 'health_services', 'social_care', 'mental_health', 'employment', 'benefits', 'education', 'digital', 'built_environment', 'leisure', 'children_and_families'));

ALTER TABLE engagements ADD CONSTRAINT engagements_region_known CHECK (region IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN'));

ALTER TABLE engagements ADD CONSTRAINT engagements_openness_known CHECK (openness IN ('open', 'invitation', 'selection'));

ALTER TABLE engagement_settings ADD CONSTRAINT engagement_settings_label_scheme_known CHECK (label_scheme IN ('withus', 'tlap', 'arnstein', 'iap2'));

ALTER TABLE engagement_commitments ADD CONSTRAINT engagement_commitments_status_known CHECK (status IN ('open', 'kept', 'partly_kept', 'broken'));

ALTER TABLE engagement_commitment_history ADD CONSTRAINT engagement_commitment_history_status_known CHECK (status IN ('open', 'kept', 'partly_kept', 'broken'));

ALTER TABLE paper_formats ADD CONSTRAINT paper_formats_format_known CHECK (format IN ('standard', 'easy_read', 'large_print', 'audio', 'bsl_video', 'welsh'));

ALTER TABLE events ADD CONSTRAINT events_mode_known CHECK (mode IN ('in_person', 'online', 'hybrid'));

ALTER TABLE events ADD CONSTRAINT events_booking_known CHECK (booking IN ('public', 'invitation'));

ALTER TABLE venues ADD CONSTRAINT venues_region_known CHECK (region IN ('TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN'));

ALTER TABLE event_bookings ADD CONSTRAINT event_bookings_status_known CHECK (status IN ('booked', 'waiting', 'offered', 'cancelled', 'expired'));

ALTER TABLE event_plan_items ADD CONSTRAINT event_plan_items_status_known CHECK (status IN ('in_progress', 'arranged', 'met_by_venue', 'cannot_arrange'));

ALTER TABLE event_feedback ADD CONSTRAINT event_feedback_answer_known CHECK (answer IN ('yes', 'partly', 'no'));

ALTER TABLE event_feedback ADD CONSTRAINT event_feedback_given_via_known CHECK (given_via IN ('online', 'in_person', 'phone', 'paper', 'email'));
