//! Withus: co-production between disabled people and the public bodies that plan services for them.
//!
//! Layers: `web` (request context, pages, access rules), capabilities (`accounts`, `organisations`,
//! `audit`, `pages`, `demo`), and the platform underneath (`db`, `security`, `email`, `i18n`).
//! See docs/architecture.md.

pub mod access_plan;
pub mod accounts;
pub mod admin;
pub mod app;
pub mod assets;
pub mod audit;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod email;
pub mod engagements;
pub mod events;
pub mod i18n;
pub mod ops;
pub mod organisations;
pub mod pages;
pub mod papers;
pub mod register;
pub mod routes;
pub mod security;
pub mod selection;
pub mod state;
pub mod telemetry;
pub mod web;
