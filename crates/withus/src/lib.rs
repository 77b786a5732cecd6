//! Withus: co-production between disabled people and the public bodies that plan services for them.
//!
//! Layers, from the ground up: the platform (`db`, `ids`, `i18n`, `security`, `config`, `email`,
//! `audit`, `state`), `identity` (who is signed in), `web` (request context, pages, access rules, forms), the capabilities, and the wiring
//! (`routes`, `app`, `cli`). See docs/architecture.md; `architecture_tests` holds the code to it.

pub mod access_plan;
pub mod accountability;
pub mod accounts;
pub mod admin;
pub mod app;
pub mod assets;
pub mod audit;
pub mod cli;
pub mod config;
pub mod contributions;
pub mod db;
pub mod demo;
pub mod email;
pub mod engagements;
pub mod events;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod messages;
pub mod notices;
pub mod ops;
pub mod organisations;
pub mod pages;
pub mod papers;
pub mod payments;
pub mod recommendations;
pub mod register;
pub mod routes;
pub mod security;
pub mod selection;
pub mod sms;
pub mod state;
pub mod surveys;
pub mod telemetry;
pub mod vocab;
pub mod web;

#[cfg(test)]
mod architecture_tests;
