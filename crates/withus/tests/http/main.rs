//! Black-box HTTP tests. Each storage-touching test runs twice: `…::sqlite` and `…::postgres`.

mod helpers;

mod audit_log;
mod authorisation;
mod bad_input;
mod command_line;
mod consent_race;
mod encryption_at_rest;
mod engagements;
mod event_fixtures;
mod events;
mod events_access_plan;
mod events_emails;
mod events_feedback;
mod health_and_errors;
mod invitations;
mod language;
mod notices;
mod notifications;
mod outbox;
mod papers;
mod password_reset;
mod paths;
mod reads_write_nothing;
mod register_diversity;
mod register_import;
mod register_people;
mod register_search;
mod reliability;
mod request_protection;
mod schema_parity;
mod selection_app;
mod sign_in;
mod stored_values;
mod surveys;
